package com.rapport.commission.payout;

import com.rapport.commission.config.BsonValues;
import com.rapport.commission.config.CommissionProperties;
import com.rapport.commission.ledger.EntryType;
import com.rapport.commission.ledger.LedgerDocuments;
import com.rapport.commission.payout.PayoutCommands.CreatePayoutBatch;
import com.rapport.commission.payout.PayoutPlanner.PayableEntry;
import com.rapport.commission.plan.PlanCatalogue;
import com.rapport.commission.plan.PlanVersion;
import com.rapport.events.money.Money;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates a batch: finds the entries payable by {@code asOf} that no live batch holds, plans the lines, claims each
 * line's entries (a line another batch got first is dropped whole), then opens the batch over what it claimed.
 * If the batch cannot be opened its claims are given back. Blocking: call it on a bounded-elastic thread.
 */
@Component
class PayoutBatchCreator {

    private final ReactiveMongoTemplate mongo;
    private final PayoutClaims claims;
    private final PlanCatalogue plans;
    private final CommandGateway commands;
    private final Duration storeTimeout;
    private final Duration commandTimeout;
    private final int batchSize;

    PayoutBatchCreator(ReactiveMongoTemplate mongo, PayoutClaims claims, PlanCatalogue plans,
                       CommandGateway commands, CommissionProperties properties) {
        this.mongo = mongo;
        this.claims = claims;
        this.plans = plans;
        this.commands = commands;
        this.storeTimeout = properties.storeTimeout();
        this.commandTimeout = properties.commandTimeout();
        this.batchSize = properties.streamBatchSize();
    }

    void create(String batchId, LocalDate asOf) {
        List<PayableEntry> payable = payableEntries(asOf);
        Set<String> held = claims.claimedAmong(payable.stream().map(PayableEntry::entryId).toList());
        List<PayableEntry> free = payable.stream().filter(e -> !held.contains(e.entryId())).toList();
        Map<String, Optional<PlanVersion>> planOfPartner = new HashMap<>();
        List<BatchLine> planned = PayoutPlanner.plan(free, (partnerId, currency) ->
                minimumPayout(planOfPartner.computeIfAbsent(partnerId,
                        p -> Optional.ofNullable(plans.currentPlanOf(p).block(storeTimeout))), currency));
        List<BatchLine> claimed = new ArrayList<>();
        for (BatchLine line : planned) {
            if (claims.claim(batchId, line)) {
                claimed.add(line);
            }
        }
        try {
            commands.send(new CreatePayoutBatch(batchId, asOf, claimed))
                    .get(commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            giveBack(batchId, claimed);
            throw new IllegalStateException("interrupted while opening batch " + batchId, e);
        } catch (ExecutionException | TimeoutException e) {
            giveBack(batchId, claimed);
            throw new IllegalStateException("batch " + batchId + " could not be opened", e);
        }
    }

    private void giveBack(String batchId, List<BatchLine> claimed) {
        claimed.forEach(line -> claims.release(batchId, line.entryIds()));
    }

    private static Optional<Money> minimumPayout(Optional<PlanVersion> plan, Currency currency) {
        return plan.flatMap(p -> p.terms().minimumPayoutFor(currency));
    }

    private List<PayableEntry> payableEntries(LocalDate asOf) {
        Query query = Query.query(Criteria.where("payableAt").lte(BsonValues.date(asOf))
                .and("type").in(EntryType.ACCRUAL.name(), EntryType.REVERSAL.name()));
        query.fields().include("_id", "partnerId", "amount");
        List<Document> documents = mongo.find(query.cursorBatchSize(batchSize), Document.class,
                LedgerDocuments.LEDGER).collectList().block(storeTimeout);
        return documents == null ? List.of() : documents.stream()
                .map(d -> new PayableEntry(d.getString("_id"), d.getString("partnerId"), BsonValues.money(d.get("amount"))))
                .toList();
    }
}
