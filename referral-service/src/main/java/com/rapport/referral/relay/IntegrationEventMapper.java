package com.rapport.referral.relay;

import com.rapport.events.IntegrationEvent;
import com.rapport.events.referral.Client;
import com.rapport.events.referral.ContractSignedV1;
import com.rapport.events.referral.MilestoneReachedV1;
import com.rapport.events.referral.PartnerRegisteredV1;
import com.rapport.events.referral.PaymentKind;
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
import com.rapport.referral.partner.PartnerId;
import com.rapport.referral.partner.PartnerRegistered;
import com.rapport.referral.referral.ContractSigned;
import com.rapport.referral.referral.MilestoneReached;
import com.rapport.referral.referral.PaymentReceived;
import com.rapport.referral.referral.ReferralCompleted;
import com.rapport.referral.referral.ReferralDelivered;
import com.rapport.referral.referral.ReferralLost;
import com.rapport.referral.referral.ReferralQualified;
import com.rapport.referral.referral.ReferralQuoted;
import com.rapport.referral.referral.ReferralReassigned;
import com.rapport.referral.referral.ReferralRejected;
import com.rapport.referral.referral.ReferralSubmitted;
import com.rapport.referral.referral.RefundIssued;
import org.springframework.stereotype.Component;

/**
 * Internal events to the published contract (EVENTS.md). The two are distinct on purpose: internals may change,
 * the contract changes slowly and by version, and this is the one place that translates.
 */
@Component
public class IntegrationEventMapper {

    /** The integration event for an internal one; an event this does not know is a bug, never silently skipped. */
    public IntegrationEvent toIntegrationEvent(Object event) {
        if (event instanceof PartnerRegistered e) {
            return new PartnerRegisteredV1(e.partnerId().value(), e.name(), e.email(), e.language(),
                    e.parentPartnerId() == null ? null : e.parentPartnerId().value());
        }
        if (event instanceof ReferralSubmitted e) {
            return new ReferralSubmittedV1(e.referralId().value(), id(e.partnerId()),
                    new Client(e.client().company(), e.client().contactName(), e.client().contactEmail()),
                    e.description(), e.estimatedValue());
        }
        if (event instanceof ReferralQualified e) {
            return new ReferralQualifiedV1(e.referralId().value(), id(e.partnerId()));
        }
        if (event instanceof ReferralRejected e) {
            return new ReferralRejectedV1(e.referralId().value(), id(e.partnerId()), e.reason());
        }
        if (event instanceof ReferralQuoted e) {
            return new ReferralQuotedV1(e.referralId().value(), id(e.partnerId()), e.amount());
        }
        if (event instanceof ContractSigned e) {
            return new ContractSignedV1(e.referralId().value(), id(e.partnerId()), e.contractValue(), e.signedAt(),
                    e.contractNumber());
        }
        if (event instanceof MilestoneReached e) {
            return new MilestoneReachedV1(e.referralId().value(), id(e.partnerId()), e.name(), e.note());
        }
        if (event instanceof PaymentReceived e) {
            return new PaymentReceivedV1(e.referralId().value(), id(e.partnerId()), e.paymentId(), e.amount(),
                    PaymentKind.valueOf(e.kind().name()), e.receivedAt(), e.netCash());
        }
        if (event instanceof RefundIssued e) {
            return new RefundIssuedV1(e.referralId().value(), id(e.partnerId()), e.refundId(), e.amount(), e.reason(),
                    e.issuedAt(), e.netCash());
        }
        if (event instanceof ReferralDelivered e) {
            return new ReferralDeliveredV1(e.referralId().value(), id(e.partnerId()));
        }
        if (event instanceof ReferralCompleted e) {
            return new ReferralCompletedV1(e.referralId().value(), id(e.partnerId()));
        }
        if (event instanceof ReferralLost e) {
            return new ReferralLostV1(e.referralId().value(), id(e.partnerId()), e.reason(), e.lostAtStatus().name());
        }
        if (event instanceof ReferralReassigned e) {
            return new ReferralReassignedV1(e.referralId().value(), id(e.partnerId()), id(e.previousPartnerId()),
                    e.reason());
        }
        throw new IllegalArgumentException("no integration event for " + event.getClass().getName());
    }

    private static String id(PartnerId partnerId) {
        return partnerId.value();
    }
}
