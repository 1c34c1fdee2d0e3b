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
import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Files for finance: a batch as CSV and as pain.001, and the whole ledger as streamed CSV. FINANCE only. */
@RestController
class ExportController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final PayoutBatchQueries batches;
    private final PayoutDetailsDirectory details;
    private final LedgerCsvExport ledgerCsv;
    private final PayoutProperties payout;
    private final Clock clock;

    ExportController(PayoutBatchQueries batches, PayoutDetailsDirectory details, LedgerCsvExport ledgerCsv,
                     PayoutProperties payout, Clock clock) {
        this.batches = batches;
        this.details = details;
        this.ledgerCsv = ledgerCsv;
        this.payout = payout;
        this.clock = clock;
    }

    @GetMapping("/api/payouts/{batchId}/export.csv")
    Mono<ResponseEntity<String>> batchCsv(Caller caller, @PathVariable String batchId) {
        caller.require(Role.FINANCE);
        return batch(batchId).flatMap(batch -> detailsOf(batch.lines())
                .map(accounts -> ResponseEntity.ok()
                        .header(HttpHeaders.CONTENT_DISPOSITION, attachment("payout-" + batchId + ".csv"))
                        .contentType(CSV)
                        .body(BatchCsvExport.write(batch, accounts))));
    }

    @GetMapping("/api/payouts/{batchId}/pain001.xml")
    Mono<ResponseEntity<String>> pain001(Caller caller, @PathVariable String batchId) {
        caller.require(Role.FINANCE);
        BankAccount debtor = debtor();
        return batch(batchId).flatMap(batch -> {
            if (batch.status() == BatchStatus.CANCELLED) {
                throw ProblemException.conflict(ProblemTypes.ILLEGAL_TRANSITION, "Batch cancelled",
                        "batch %s is CANCELLED: there is nothing to pay".formatted(batchId));
            }
            List<PayoutBatchView.Line> eur = Pain001Writer.eurLines(batch);
            if (eur.isEmpty()) {
                // a credit transfer initiation needs at least one transaction
                throw ProblemException.conflict("no-euro-lines", "Nothing to pay in EUR",
                        "batch %s has no EUR line for a pain.001 file".formatted(batchId));
            }
            return detailsOf(eur).map(accounts -> {
                List<String> missing = eur.stream().map(PayoutBatchView.Line::partnerId)
                        .filter(p -> !accounts.containsKey(p)).toList();
                if (!missing.isEmpty()) {
                    throw new ProblemException(HttpStatus.CONFLICT, "missing-payout-details",
                            "Missing payout details", "no payout details for partner(s) " + missing,
                            Map.of("partnerIds", missing));
                }
                List<Pain001Writer.Transfer> transfers = eur.stream().map(line -> new Pain001Writer.Transfer(
                        line.partnerId(), line.amount().amount(), accounts.get(line.partnerId()).account())).toList();
                String xml = Pain001Writer.write(batch, transfers, debtor,
                        OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS), LocalDate.now(clock));
                return ResponseEntity.ok()
                        .header(HttpHeaders.CONTENT_DISPOSITION, attachment("pain001-" + batchId + ".xml"))
                        .contentType(MediaType.APPLICATION_XML)
                        .body(xml);
            });
        });
    }

    @GetMapping(value = "/api/exports/ledger.csv")
    ResponseEntity<Flux<DataBuffer>> ledger(Caller caller,
                                            @RequestParam(required = false)
                                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                            @RequestParam(required = false)
                                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                            ServerWebExchange exchange) {
        caller.require(Role.FINANCE);
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.badRequest(ProblemTypes.VALIDATION_FAILED, "Invalid request",
                    "from must not be after to");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("ledger.csv"))
                .contentType(CSV)
                .body(ledgerCsv.export(from, to, exchange.getResponse().bufferFactory()));
    }

    private Mono<PayoutBatchView> batch(String batchId) {
        return batches.find(batchId).switchIfEmpty(Mono.error(() -> ProblemException.notFound("batch", batchId)));
    }

    private Mono<Map<String, PayoutDetails>> detailsOf(List<PayoutBatchView.Line> lines) {
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

    private static String attachment(String filename) {
        return ContentDisposition.attachment().filename(filename).build().toString();
    }
}
