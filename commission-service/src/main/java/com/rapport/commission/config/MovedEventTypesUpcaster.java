package com.rapport.commission.config;

import com.rapport.commission.accrual.ClientPaymentRecorded;
import com.rapport.commission.accrual.ClientRefundRecorded;
import com.rapport.commission.accrual.CommissionAccrued;
import com.rapport.commission.accrual.CommissionReversed;
import com.rapport.commission.accrual.ContractAmended;
import com.rapport.commission.accrual.IntroducerIdentified;
import com.rapport.commission.accrual.OverrideDeferred;
import com.rapport.commission.accrual.PaymentScheduleSet;
import com.rapport.commission.accrual.RateLocked;
import com.rapport.commission.accrual.ReferralStageChanged;
import com.rapport.commission.adjustment.AdjustmentApproved;
import com.rapport.commission.adjustment.AdjustmentBooked;
import com.rapport.commission.adjustment.AdjustmentProposed;
import com.rapport.commission.adjustment.AdjustmentRejected;
import com.rapport.commission.dealterms.DealTermsAgreed;
import com.rapport.commission.dealterms.DealTermsLocked;
import com.rapport.commission.dispute.DisputeOpened;
import com.rapport.commission.dispute.DisputeResolved;
import com.rapport.commission.hold.EntryHeld;
import com.rapport.commission.hold.EntryReleased;
import com.rapport.commission.invoice.InvoiceIssued;
import com.rapport.commission.payout.PayoutBatchAbandoned;
import com.rapport.commission.payout.PayoutBatchCancelled;
import com.rapport.commission.payout.PayoutBatchCreated;
import com.rapport.commission.payout.PayoutBatchPaid;
import com.rapport.commission.payout.PayoutLinePaid;
import com.rapport.commission.plan.PlanAssigned;
import com.rapport.commission.plan.PlanVersionPublished;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.function.Function;

/**
 * Reads events stored while commission's events were nested in holder classes ({@code AccrualEvents$RateLocked}
 * and so on) as the top-level records they are now: the payload type is renamed, revision and payload stay as
 * stored. Stored events are never rewritten; every reader (aggregates, projections, the relay, a rebuild) sees the
 * new names. Runs before any other upcaster so that those only ever meet the new names.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class MovedEventTypesUpcaster extends SingleEventUpcaster {

    /** Every event type that was nested in a holder, by its stored name. Never remove an entry. */
    static final Map<String, String> MOVED = Map.ofEntries(
            moved("com.rapport.commission.accrual.AccrualEvents$RateLocked", RateLocked.class),
            moved("com.rapport.commission.accrual.AccrualEvents$OverrideDeferred", OverrideDeferred.class),
            moved("com.rapport.commission.accrual.AccrualEvents$IntroducerIdentified", IntroducerIdentified.class),
            moved("com.rapport.commission.accrual.AccrualEvents$ClientPaymentRecorded", ClientPaymentRecorded.class),
            moved("com.rapport.commission.accrual.AccrualEvents$ClientRefundRecorded", ClientRefundRecorded.class),
            moved("com.rapport.commission.accrual.AccrualEvents$ContractAmended", ContractAmended.class),
            moved("com.rapport.commission.accrual.AccrualEvents$PaymentScheduleSet", PaymentScheduleSet.class),
            moved("com.rapport.commission.accrual.AccrualEvents$CommissionAccrued", CommissionAccrued.class),
            moved("com.rapport.commission.accrual.AccrualEvents$CommissionReversed", CommissionReversed.class),
            moved("com.rapport.commission.accrual.AccrualEvents$ReferralStageChanged", ReferralStageChanged.class),
            moved("com.rapport.commission.adjustment.AdjustmentEvents$AdjustmentProposed", AdjustmentProposed.class),
            moved("com.rapport.commission.adjustment.AdjustmentEvents$AdjustmentApproved", AdjustmentApproved.class),
            moved("com.rapport.commission.adjustment.AdjustmentEvents$AdjustmentRejected", AdjustmentRejected.class),
            moved("com.rapport.commission.adjustment.AdjustmentEvents$AdjustmentBooked", AdjustmentBooked.class),
            moved("com.rapport.commission.dealterms.DealTermsEvents$DealTermsAgreed", DealTermsAgreed.class),
            moved("com.rapport.commission.dealterms.DealTermsEvents$DealTermsLocked", DealTermsLocked.class),
            moved("com.rapport.commission.dispute.DisputeEvents$DisputeOpened", DisputeOpened.class),
            moved("com.rapport.commission.dispute.DisputeEvents$DisputeResolved", DisputeResolved.class),
            moved("com.rapport.commission.hold.HoldEvents$EntryHeld", EntryHeld.class),
            moved("com.rapport.commission.hold.HoldEvents$EntryReleased", EntryReleased.class),
            moved("com.rapport.commission.invoice.InvoiceEvents$InvoiceIssued", InvoiceIssued.class),
            moved("com.rapport.commission.payout.PayoutEvents$PayoutBatchCreated", PayoutBatchCreated.class),
            moved("com.rapport.commission.payout.PayoutEvents$PayoutLinePaid", PayoutLinePaid.class),
            moved("com.rapport.commission.payout.PayoutEvents$PayoutBatchPaid", PayoutBatchPaid.class),
            moved("com.rapport.commission.payout.PayoutEvents$PayoutBatchCancelled", PayoutBatchCancelled.class),
            moved("com.rapport.commission.payout.PayoutEvents$PayoutBatchAbandoned", PayoutBatchAbandoned.class),
            moved("com.rapport.commission.plan.PlanEvents$PlanVersionPublished", PlanVersionPublished.class),
            moved("com.rapport.commission.plan.PlanEvents$PlanAssigned", PlanAssigned.class));

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return MOVED.containsKey(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        SimpleSerializedType renamed = new SimpleSerializedType(MOVED.get(representation.getType().getName()),
                representation.getType().getRevision());
        return representation.upcastPayload(renamed, JsonNode.class, Function.identity());
    }

    private static Map.Entry<String, String> moved(String storedType, Class<?> type) {
        return Map.entry(storedType, type.getName());
    }
}
