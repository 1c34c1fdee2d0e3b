package com.rapport.commission.relay;

import com.rapport.commission.accrual.CommissionAccrued;
import com.rapport.commission.accrual.CommissionReversed;
import com.rapport.commission.accrual.RateLocked;
import com.rapport.commission.adjustment.AdjustmentBooked;
import com.rapport.commission.dispute.DisputeOpened;
import com.rapport.commission.dispute.DisputeResolved;
import com.rapport.commission.hold.EntryHeld;
import com.rapport.commission.hold.EntryReleased;
import com.rapport.commission.invoice.InvoiceIssued;
import com.rapport.commission.payout.PayoutBatchCancelled;
import com.rapport.commission.payout.PayoutBatchCreated;
import com.rapport.commission.payout.PayoutLinePaid;
import com.rapport.events.commission.CommissionAccruedV1;
import com.rapport.events.commission.CommissionAdjustedV1;
import com.rapport.events.commission.CommissionReversedV1;
import com.rapport.events.commission.DisputeOpenedV1;
import com.rapport.events.commission.DisputeResolvedV1;
import com.rapport.events.commission.EntryHeldV1;
import com.rapport.events.commission.EntryReleasedV1;
import com.rapport.events.commission.InvoiceIssuedV1;
import com.rapport.events.commission.PayoutCancelledV1;
import com.rapport.events.commission.PayoutCreatedV1;
import com.rapport.events.commission.PayoutLine;
import com.rapport.events.commission.PayoutPaidV1;
import com.rapport.events.commission.RateLockedV1;
import com.rapport.support.kafka.IntegrationEventPublisher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Relays this service's events to {@code commission-events} (EVENTS.md). A tracking processor whose errors
 * propagate: its token moves only after Kafka acknowledged, so a crash re-sends and never skips. The CloudEvent id
 * is the Axon event's id, so a re-sent event is recognisably the same one.
 */
@Component
@ProcessingGroup(CommissionEventRelay.GROUP)
// not @DisallowReplay: Axon starts a processor without a token as a replay up to the head, so the events stored
// before its first start would never be sent. A rebuild never resets this group (ReadModelReplay resets only the
// groups it is given).
class CommissionEventRelay {

    static final String GROUP = "commission-relay";

    private final IntegrationEventPublisher publisher;

    CommissionEventRelay(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(RateLocked event, @MessageIdentifier String eventId, @Timestamp Instant time) {
        publisher.publish(eventId, time, new RateLockedV1(event.referralId(), event.partnerId(), event.role(),
                event.planId(), event.planVersion(), event.rate(), event.cap()));
    }

    @EventHandler
    void on(CommissionAccrued event, @MessageIdentifier String eventId, @Timestamp Instant time) {
        publisher.publish(eventId, time, new CommissionAccruedV1(event.entryId(), event.referralId(),
                event.partnerId(), event.role(), event.amount(), event.rate(), event.basis(), event.payableAt(),
                event.explanation(), event.sourceEventId()));
    }

    @EventHandler
    void on(CommissionReversed event, @MessageIdentifier String eventId, @Timestamp Instant time) {
        publisher.publish(eventId, time, new CommissionReversedV1(event.entryId(), event.referralId(),
                event.partnerId(), event.role(), event.amount(), event.rate(), event.basis(), event.payableAt(),
                event.explanation(), event.sourceEventId()));
    }

    @EventHandler
    void on(PayoutBatchCreated event, @MessageIdentifier String eventId, @Timestamp Instant time) {
        publisher.publish(eventId, time, new PayoutCreatedV1(event.batchId(), event.asOf(),
                event.lines().stream().map(line -> new PayoutLine(line.partnerId(), line.amount())).toList()));
    }

    @EventHandler
    void on(PayoutLinePaid event, @MessageIdentifier String eventId, @Timestamp Instant time) {
        publisher.publish(eventId, time, new PayoutPaidV1(event.batchId(), event.partnerId(), event.amount()));
    }

    @EventHandler
    void on(PayoutBatchCancelled event, @MessageIdentifier String eventId, @Timestamp Instant time) {
        publisher.publish(eventId, time, new PayoutCancelledV1(event.batchId()));
    }

    @EventHandler
    void on(InvoiceIssued event, @MessageIdentifier String eventId, @Timestamp Instant time) {
        publisher.publish(eventId, time, new InvoiceIssuedV1(event.invoiceNumber(), event.batchId(),
                event.partnerId(), event.currency(), event.net(), event.vat(), event.total()));
    }

    @EventHandler
    void on(AdjustmentBooked event, @MessageIdentifier String eventId, @Timestamp Instant time) {
        publisher.publish(eventId, time, new CommissionAdjustedV1(event.entryId(), event.adjustmentId(),
                event.disputeId(), event.partnerId(), event.referralId(), event.amount(), event.reason(),
                event.approvedBy()));
    }

    @EventHandler
    void on(EntryHeld event, @MessageIdentifier String eventId, @Timestamp Instant time) {
        publisher.publish(eventId, time, new EntryHeldV1(event.entryId(), event.partnerId(), event.reason()));
    }

    @EventHandler
    void on(EntryReleased event, @MessageIdentifier String eventId, @Timestamp Instant time) {
        publisher.publish(eventId, time,
                new EntryReleasedV1(event.entryId(), event.partnerId(), event.reason()));
    }

    @EventHandler
    void on(DisputeOpened event, @MessageIdentifier String eventId, @Timestamp Instant time) {
        publisher.publish(eventId, time,
                new DisputeOpenedV1(event.disputeId(), event.entryId(), event.partnerId(), null, null));
    }

    @EventHandler
    void on(DisputeResolved event, @MessageIdentifier String eventId, @Timestamp Instant time) {
        publisher.publish(eventId, time, new DisputeResolvedV1(event.disputeId(), event.entryId(),
                event.partnerId(), event.outcome().name(), event.note()));
    }
}
