package com.rapport.commission.payout;

import com.rapport.commission.payout.PayoutCommands.CancelPayoutBatch;
import com.rapport.commission.payout.PayoutCommands.ConfirmPayoutBatch;
import com.rapport.commission.payout.PayoutCommands.CreatePayoutBatch;
import com.rapport.commission.payout.PayoutEvents.PayoutBatchCancelled;
import com.rapport.commission.payout.PayoutEvents.PayoutBatchCreated;
import com.rapport.commission.payout.PayoutEvents.PayoutBatchPaid;
import com.rapport.commission.payout.PayoutEvents.PayoutLinePaid;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A payout batch: OPEN when created over claimed entries, then PAID (one PAYOUT entry per line) or CANCELLED
 * (its entries are free again). Repeating the step a batch already took is answered as success and changes nothing,
 * so a retried confirm or cancel is safe.
 */
@Aggregate
public class PayoutBatch {

    @AggregateIdentifier
    private String batchId;
    private LocalDate asOf;
    private List<BatchLine> lines;
    private BatchStatus status;

    protected PayoutBatch() {
        // for Axon
    }

    @CommandHandler
    public PayoutBatch(CreatePayoutBatch command) {
        for (BatchLine line : command.lines()) {
            if (!line.amount().isPositive() || line.entryIds().isEmpty()) {
                throw new IllegalArgumentException("a payout line must be positive and hold entries: " + line);
            }
        }
        apply(new PayoutBatchCreated(command.batchId(), command.asOf(), command.lines()));
    }

    @CommandHandler
    public void handle(ConfirmPayoutBatch command) {
        if (status == BatchStatus.PAID) {
            return;
        }
        if (status != BatchStatus.OPEN) {
            throw new IllegalBatchTransitionException(batchId, "confirm", status, List.of(BatchStatus.OPEN));
        }
        for (BatchLine line : lines) {
            apply(new PayoutLinePaid(batchId, payoutEntryId(batchId, line), line.partnerId(), line.amount(),
                    command.paidOn(), asOf));
        }
        apply(new PayoutBatchPaid(batchId, command.paidOn(), lines));
    }

    @CommandHandler
    public void handle(CancelPayoutBatch command) {
        if (status == BatchStatus.CANCELLED) {
            return;
        }
        if (status != BatchStatus.OPEN) {
            throw new IllegalBatchTransitionException(batchId, "cancel", status, List.of(BatchStatus.OPEN));
        }
        apply(new PayoutBatchCancelled(batchId, lines));
    }

    /** One PAYOUT entry per batch, partner and currency, always with the same id. */
    static String payoutEntryId(String batchId, BatchLine line) {
        return UUID.nameUUIDFromBytes("%s/%s/%s".formatted(batchId, line.partnerId(), line.amount().currencyCode())
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    @EventSourcingHandler
    void on(PayoutBatchCreated event) {
        batchId = event.batchId();
        asOf = event.asOf();
        lines = event.lines();
        status = BatchStatus.OPEN;
    }

    @EventSourcingHandler
    void on(PayoutBatchPaid event) {
        status = BatchStatus.PAID;
    }

    @EventSourcingHandler
    void on(PayoutBatchCancelled event) {
        status = BatchStatus.CANCELLED;
    }
}
