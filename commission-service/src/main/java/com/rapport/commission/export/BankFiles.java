package com.rapport.commission.export;

import com.rapport.commission.payout.BankAccount;
import com.rapport.commission.payout.BatchStatus;
import com.rapport.commission.payout.PayoutBatchQueries;
import com.rapport.commission.payout.PayoutBatchView;
import com.rapport.commission.payout.PayoutDetailsDirectory;
import com.rapport.commission.payout.PayoutDetailsDirectory.PayoutDetails;
import com.rapport.commission.payout.PayoutProperties;
import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The files a batch is paid with. A pain.001 must pay every line of the batch in its currency or not be produced at
 * all: a file that silently left a partner out would be confirmed as paid while that partner never got the money.
 */
@Component
class BankFiles {

    private final PayoutBatchQueries batches;
    private final PayoutDetailsDirectory details;
    private final PayoutProperties payout;
    private final Clock clock;

    BankFiles(PayoutBatchQueries batches, PayoutDetailsDirectory details, PayoutProperties payout, Clock clock) {
        this.batches = batches;
        this.details = details;
        this.payout = payout;
        this.clock = clock;
    }

    Mono<String> batchCsv(String batchId) {
        return batch(batchId).flatMap(batch -> accountsOf(batch.lines())
                .map(accounts -> BatchCsvExport.write(batch, accounts)));
    }

    Mono<String> pain001(String batchId) {
        return pain001(batchId, Pain001Writer.SEPA_CURRENCY);
    }

    /** The batch's lines in {@code currency} as pain.001: SEPA for EUR, a plain ISO 20022 transfer otherwise. */
    Mono<String> pain001(String batchId, String currency) {
        BankAccount debtor = debtor();
        return batch(batchId).flatMap(batch -> {
            if (batch.status() == BatchStatus.CANCELLED) {
                throw ProblemException.conflict(ProblemTypes.ILLEGAL_TRANSITION, "Batch cancelled",
                        "batch %s is CANCELLED: there is nothing to pay".formatted(batchId));
            }
            List<PayoutBatchView.Line> lines = Pain001Writer.linesIn(batch, currency);
            if (lines.isEmpty()) {
                // a credit transfer initiation needs at least one transaction
                throw Pain001Writer.SEPA_CURRENCY.equals(currency)
                        ? ProblemException.conflict("no-euro-lines", "Nothing to pay in EUR",
                        "batch %s has no EUR line for a pain.001 file".formatted(batchId))
                        : ProblemException.conflict("no-lines-in-currency", "Nothing to pay in " + currency,
                        "batch %s has no %s line for a pain.001 file".formatted(batchId, currency));
            }
            return accountsOf(lines).map(accounts -> {
                List<String> missing = lines.stream().map(PayoutBatchView.Line::partnerId)
                        .filter(partnerId -> !accounts.containsKey(partnerId)).toList();
                if (!missing.isEmpty()) {
                    throw new ProblemException(HttpStatus.CONFLICT, "missing-payout-details",
                            "Missing payout details", "no payout details for partner(s) " + missing,
                            Map.of("partnerIds", missing));
                }
                List<Pain001Writer.Transfer> transfers = lines.stream().map(line -> new Pain001Writer.Transfer(
                        line.partnerId(), line.amount().amount(), accounts.get(line.partnerId()).account())).toList();
                return Pain001Writer.write(batch, currency, transfers, debtor,
                        OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS), LocalDate.now(clock));
            });
        });
    }

    private Mono<PayoutBatchView> batch(String batchId) {
        return batches.find(batchId).switchIfEmpty(Mono.error(() -> ProblemException.notFound("batch", batchId)));
    }

    private Mono<Map<String, PayoutDetails>> accountsOf(List<PayoutBatchView.Line> lines) {
        List<String> partners = lines.stream().map(PayoutBatchView.Line::partnerId).distinct().toList();
        return details.findAll(partners).collectMap(PayoutDetails::partnerId, Function.identity());
    }

    private BankAccount debtor() {
        PayoutProperties.Debtor debtor = payout.debtor();
        if (debtor == null || debtor.name() == null || debtor.name().isBlank() || debtor.iban() == null
                || debtor.iban().isBlank()) {
            throw ProblemException.conflict("payer-account-missing", "Paying account not configured",
                    "set rapport.commission.payout.debtor.name and .iban to produce bank files");
        }
        return BankAccount.validated(debtor.name(), debtor.iban(), debtor.bic());
    }
}
