package com.rapport.commission.payout;

import com.rapport.commission.ledger.FourEyesException;
import com.rapport.support.domain.CommandRefused;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A payout batch: OPEN when created over claimed entries, then PAID (one PAYOUT entry per line) or CANCELLED
 * (its entries are free again). Repeating the step a batch already took is answered as success and changes nothing,
 * so a retried confirm or cancel is safe. Opening and confirming re-check the claim register: a batch never opens
 * or pays over an entry another batch holds. The creator (token subject) may not confirm (four eyes). A batch whose
 * opening is in doubt can be ABANDONED: then it never opens.
 */
@Aggregate
public class PayoutBatch {

    @AggregateIdentifier
    private String batchId;
    private LocalDate asOf;
    private List<BatchLine> lines;
    private BatchStatus status;
    private String createdBy;

    protected PayoutBatch() {
        // for Axon
    }

    @CommandHandler
    public PayoutBatch(CreatePayoutBatch command, BatchClaims claims) {
        for (BatchLine line : command.lines()) {
            if (!line.amount().isPositive() || line.entryIds().isEmpty()) {
                throw new IllegalArgumentException("a payout line must be positive and hold entries: " + line);
            }
        }
        requireClaims(command.batchId(), command.lines(), claims);
        apply(new PayoutBatchCreated(command.batchId(), command.asOf(), command.lines(), command.createdBy(),
                command.skipped()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public BatchStatus handle(AbandonPayoutBatch command) {
        if (status == null) {
            apply(new PayoutBatchAbandoned(command.batchId()));
            return BatchStatus.ABANDONED;
        }
        return status;
    }

    @CommandHandler
    public void handle(ConfirmPayoutBatch command, BatchClaims claims) {
        requireOpened();
        if (createdBy != null && createdBy.equals(command.confirmedBy())) {
            throw new FourEyesException("batch %s was created by %s; another finance user must confirm it"
                    .formatted(batchId, createdBy));
        }
        if (status == BatchStatus.PAID) {
            return;
        }
        if (status != BatchStatus.OPEN) {
            throw new IllegalBatchTransitionException(batchId, "confirm", status, List.of(BatchStatus.OPEN));
        }
        requireClaims(batchId, lines, claims);
        for (BatchLine line : lines) {
            apply(new PayoutLinePaid(batchId, payoutEntryId(batchId, line), line.partnerId(), line.amount(),
                    command.paidOn(), asOf));
        }
        apply(new PayoutBatchPaid(batchId, command.paidOn(), lines));
    }

    @CommandHandler
    public void handle(CancelPayoutBatch command) {
        requireOpened();
        if (status == BatchStatus.CANCELLED) {
            return;
        }
        if (status != BatchStatus.OPEN) {
            throw new IllegalBatchTransitionException(batchId, "cancel", status, List.of(BatchStatus.OPEN));
        }
        apply(new PayoutBatchCancelled(batchId, lines));
    }

    private void requireOpened() {
        if (status == BatchStatus.ABANDONED) {
            throw CommandRefused.notFound("batch", batchId);
        }
    }

    /** Every entry of the lines is claimed for this batch (insert-if-absent), or nothing happens. */
    private static void requireClaims(String batchId, List<BatchLine> lines, BatchClaims claims) {
        List<String> elsewhere = claims.heldByOtherBatches(batchId,
                lines.stream().flatMap(line -> line.entryIds().stream()).toList());
        if (!elsewhere.isEmpty()) {
            throw CommandRefused.conflict("entries-in-another-batch", "Entries in another batch",
                    "batch %s holds entries that another batch holds; cancel this batch".formatted(batchId),
                    Map.of("entryIds", elsewhere));
        }
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
        createdBy = event.createdBy();
        status = BatchStatus.OPEN;
    }

    @EventSourcingHandler
    void on(PayoutBatchAbandoned event) {
        batchId = event.batchId();
        lines = List.of();
        status = BatchStatus.ABANDONED;
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
