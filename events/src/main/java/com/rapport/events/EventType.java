package com.rapport.events;

import com.rapport.events.commission.CommissionAccruedV1;
import com.rapport.events.commission.CommissionAdjustedV1;
import com.rapport.events.commission.DisputeOpenedV1;
import com.rapport.events.commission.DisputeResolvedV1;
import com.rapport.events.commission.EntryHeldV1;
import com.rapport.events.commission.EntryReleasedV1;
import com.rapport.events.commission.InvoiceIssuedV1;
import com.rapport.events.commission.CommissionReversedV1;
import com.rapport.events.commission.PayoutCancelledV1;
import com.rapport.events.commission.PayoutCreatedV1;
import com.rapport.events.commission.PayoutPaidV1;
import com.rapport.events.commission.RateLockedV1;
import com.rapport.events.referral.ContractAmendedV1;
import com.rapport.events.referral.ContractSignedV1;
import com.rapport.events.referral.CreditSplitV1;
import com.rapport.events.referral.FollowOnOpenedV1;
import com.rapport.events.referral.PartnerUpdatedV1;
import com.rapport.events.referral.ScheduleSetV1;
import com.rapport.events.referral.MilestoneReachedV1;
import com.rapport.events.referral.PartnerRegisteredV1;
import com.rapport.events.referral.PaymentReceivedV1;
import com.rapport.events.referral.ReferralCompletedV1;
import com.rapport.events.referral.ReferralDeliveredV1;
import com.rapport.events.referral.ReferralLostV1;
import com.rapport.events.referral.ReferralQualifiedV1;
import com.rapport.events.referral.ReferralQuotedV1;
import com.rapport.events.referral.ReferralReassignedV1;
import com.rapport.events.referral.ReferralRejectedV1;
import com.rapport.events.referral.ReferralSubmittedV1;
import com.rapport.events.referral.RefundIssuedV1;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The catalogue of EVENTS.md: every CloudEvent type, its payload record and its topic. */
public enum EventType {

    PARTNER_REGISTERED("rapport.partner.registered.v1", PartnerRegisteredV1.class, Topics.REFERRAL_EVENTS),
    REFERRAL_SUBMITTED("rapport.referral.submitted.v1", ReferralSubmittedV1.class, Topics.REFERRAL_EVENTS),
    REFERRAL_QUALIFIED("rapport.referral.qualified.v1", ReferralQualifiedV1.class, Topics.REFERRAL_EVENTS),
    REFERRAL_REJECTED("rapport.referral.rejected.v1", ReferralRejectedV1.class, Topics.REFERRAL_EVENTS),
    REFERRAL_QUOTED("rapport.referral.quoted.v1", ReferralQuotedV1.class, Topics.REFERRAL_EVENTS),
    CONTRACT_SIGNED("rapport.referral.contract-signed.v1", ContractSignedV1.class, Topics.REFERRAL_EVENTS),
    MILESTONE_REACHED("rapport.referral.milestone-reached.v1", MilestoneReachedV1.class, Topics.REFERRAL_EVENTS),
    PAYMENT_RECEIVED("rapport.referral.payment-received.v1", PaymentReceivedV1.class, Topics.REFERRAL_EVENTS),
    REFUND_ISSUED("rapport.referral.refund-issued.v1", RefundIssuedV1.class, Topics.REFERRAL_EVENTS),
    REFERRAL_DELIVERED("rapport.referral.delivered.v1", ReferralDeliveredV1.class, Topics.REFERRAL_EVENTS),
    REFERRAL_COMPLETED("rapport.referral.completed.v1", ReferralCompletedV1.class, Topics.REFERRAL_EVENTS),
    REFERRAL_LOST("rapport.referral.lost.v1", ReferralLostV1.class, Topics.REFERRAL_EVENTS),
    REFERRAL_REASSIGNED("rapport.referral.reassigned.v1", ReferralReassignedV1.class, Topics.REFERRAL_EVENTS),
    PARTNER_UPDATED("rapport.partner.updated.v1", PartnerUpdatedV1.class, Topics.REFERRAL_EVENTS),
    CONTRACT_AMENDED("rapport.referral.contract-amended.v1", ContractAmendedV1.class, Topics.REFERRAL_EVENTS),
    SCHEDULE_SET("rapport.referral.schedule-set.v1", ScheduleSetV1.class, Topics.REFERRAL_EVENTS),
    CREDIT_SPLIT("rapport.referral.credit-split.v1", CreditSplitV1.class, Topics.REFERRAL_EVENTS),
    FOLLOW_ON_OPENED("rapport.referral.follow-on-opened.v1", FollowOnOpenedV1.class, Topics.REFERRAL_EVENTS),

    RATE_LOCKED("rapport.commission.rate-locked.v1", RateLockedV1.class, Topics.COMMISSION_EVENTS),
    COMMISSION_ACCRUED("rapport.commission.accrued.v1", CommissionAccruedV1.class, Topics.COMMISSION_EVENTS),
    COMMISSION_REVERSED("rapport.commission.reversed.v1", CommissionReversedV1.class, Topics.COMMISSION_EVENTS),
    PAYOUT_CREATED("rapport.commission.payout-created.v1", PayoutCreatedV1.class, Topics.COMMISSION_EVENTS),
    PAYOUT_PAID("rapport.commission.payout-paid.v1", PayoutPaidV1.class, Topics.COMMISSION_EVENTS),
    PAYOUT_CANCELLED("rapport.commission.payout-cancelled.v1", PayoutCancelledV1.class, Topics.COMMISSION_EVENTS),
    COMMISSION_ADJUSTED("rapport.commission.adjusted.v1", CommissionAdjustedV1.class, Topics.COMMISSION_EVENTS),
    ENTRY_HELD("rapport.commission.entry-held.v1", EntryHeldV1.class, Topics.COMMISSION_EVENTS),
    ENTRY_RELEASED("rapport.commission.entry-released.v1", EntryReleasedV1.class, Topics.COMMISSION_EVENTS),
    DISPUTE_OPENED("rapport.commission.dispute-opened.v1", DisputeOpenedV1.class, Topics.COMMISSION_EVENTS),
    DISPUTE_RESOLVED("rapport.commission.dispute-resolved.v1", DisputeResolvedV1.class, Topics.COMMISSION_EVENTS),
    INVOICE_ISSUED("rapport.commission.invoice-issued.v1", InvoiceIssuedV1.class, Topics.COMMISSION_EVENTS);

    private static final Map<String, EventType> BY_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));
    private static final Map<Class<?>, EventType> BY_PAYLOAD =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::payloadType, Function.identity()));

    private final String type;
    private final Class<? extends IntegrationEvent> payloadType;
    private final String topic;

    EventType(String type, Class<? extends IntegrationEvent> payloadType, String topic) {
        this.type = type;
        this.payloadType = payloadType;
        this.topic = topic;
    }

    public String type() {
        return type;
    }

    public Class<? extends IntegrationEvent> payloadType() {
        return payloadType;
    }

    public String topic() {
        return topic;
    }

    public static Optional<EventType> ofType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static EventType of(IntegrationEvent payload) {
        EventType type = BY_PAYLOAD.get(payload.getClass());
        if (type == null) {
            throw new IllegalArgumentException("no CloudEvent type for " + payload.getClass().getName());
        }
        return type;
    }
}
