package com.rapport.referral.relay;

import com.rapport.events.IntegrationEvent;
import com.rapport.events.referral.Client;
import com.rapport.events.referral.ContractAmendedV1;
import com.rapport.events.referral.CreditShare;
import com.rapport.events.referral.CreditSplitV1;
import com.rapport.events.referral.FollowOnOpenedV1;
import com.rapport.events.referral.PartnerUpdatedV1;
import com.rapport.events.referral.ScheduleSetV1;
import com.rapport.events.referral.ScheduledInstalment;
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
import com.rapport.support.id.PartnerId;
import com.rapport.referral.partner.PartnerRegistered;
import com.rapport.referral.partner.PartnerUpdated;
import com.rapport.referral.referral.ContractAmended;
import com.rapport.referral.referral.CreditSplit;
import com.rapport.referral.referral.FollowOnOpened;
import com.rapport.referral.referral.IntroducerShare;
import com.rapport.referral.referral.ReferredClient;
import com.rapport.referral.referral.ScheduleSet;
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
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Internal events to the published contract (EVENTS.md). The two are distinct on purpose: internals may change,
 * the contract changes slowly and by version, and this is the one place that translates.
 */
@Component
public class IntegrationEventMapper {

    private final CreditShareResolver shares;

    /** Without credit shares (tests of the mapping alone): referral events then carry none, splits bare ones. */
    public IntegrationEventMapper() {
        this(null);
    }

    @Autowired
    public IntegrationEventMapper(CreditShareResolver shares) {
        this.shares = shares;
    }

    /** The integration event for a stored one, with the credit shares of EVENTS.md on every referral event. */
    public IntegrationEvent toIntegrationEvent(EventMessage<?> message) {
        return toIntegrationEvent(message.getPayload(), shares == null ? List.of() : shares.sharesFor(message));
    }

    /** The integration event for an internal one; an event this does not know is a bug, never silently skipped. */
    public IntegrationEvent toIntegrationEvent(Object event) {
        return toIntegrationEvent(event, List.of());
    }

    private IntegrationEvent toIntegrationEvent(Object event, List<CreditShare> shares) {
        if (event instanceof PartnerRegistered e) {
            return new PartnerRegisteredV1(e.partnerId().value(), e.name(), e.email(), e.language(),
                    e.parentPartnerId() == null ? null : e.parentPartnerId().value());
        }
        if (event instanceof PartnerUpdated e) {
            return new PartnerUpdatedV1(e.partnerId().value(), e.name(), e.email(), e.language());
        }
        if (event instanceof ReferralSubmitted e) {
            return new ReferralSubmittedV1(e.referralId().value(), id(e.partnerId()), client(e.client()),
                    e.description(), e.estimatedValue(), shares);
        }
        if (event instanceof ReferralQualified e) {
            return new ReferralQualifiedV1(e.referralId().value(), id(e.partnerId()), shares);
        }
        if (event instanceof ReferralRejected e) {
            return new ReferralRejectedV1(e.referralId().value(), id(e.partnerId()), e.reason(), shares);
        }
        if (event instanceof ReferralQuoted e) {
            return new ReferralQuotedV1(e.referralId().value(), id(e.partnerId()), e.amount(), shares);
        }
        if (event instanceof ContractSigned e) {
            return new ContractSignedV1(e.referralId().value(), id(e.partnerId()), e.contractValue(), e.signedAt(),
                    e.contractNumber(), shares);
        }
        if (event instanceof MilestoneReached e) {
            return new MilestoneReachedV1(e.referralId().value(), id(e.partnerId()), e.name(), e.note(), shares);
        }
        if (event instanceof PaymentReceived e) {
            return new PaymentReceivedV1(e.referralId().value(), id(e.partnerId()), e.paymentId(), e.amount(),
                    PaymentKind.valueOf(e.kind().name()), e.receivedAt(), e.netCash(), shares);
        }
        if (event instanceof RefundIssued e) {
            return new RefundIssuedV1(e.referralId().value(), id(e.partnerId()), e.refundId(), e.amount(), e.reason(),
                    e.issuedAt(), e.netCash(), shares);
        }
        if (event instanceof ReferralDelivered e) {
            return new ReferralDeliveredV1(e.referralId().value(), id(e.partnerId()), shares);
        }
        if (event instanceof ReferralCompleted e) {
            return new ReferralCompletedV1(e.referralId().value(), id(e.partnerId()), shares);
        }
        if (event instanceof ReferralLost e) {
            return new ReferralLostV1(e.referralId().value(), id(e.partnerId()), e.reason(), e.lostAtStatus().name(),
                    shares);
        }
        if (event instanceof ReferralReassigned e) {
            return new ReferralReassignedV1(e.referralId().value(), id(e.partnerId()), id(e.previousPartnerId()),
                    e.reason(), shares);
        }
        if (event instanceof ContractAmended e) {
            return new ContractAmendedV1(e.referralId().value(), id(e.partnerId()), e.amendmentId(), e.delta(),
                    e.contractValue(), e.reason(), e.signedAt(), shares);
        }
        if (event instanceof ScheduleSet e) {
            return new ScheduleSetV1(e.referralId().value(), id(e.partnerId()), e.schedule().stream()
                    .map(instalment -> new ScheduledInstalment(instalment.name(), instalment.dueDate(),
                            instalment.amount()))
                    .toList(), shares);
        }
        if (event instanceof CreditSplit e) {
            return new CreditSplitV1(e.referralId().value(), id(e.partnerId()), orBare(shares, e.shares()));
        }
        if (event instanceof FollowOnOpened e) {
            return new FollowOnOpenedV1(e.referralId().value(), id(e.partnerId()), e.followOnOf().value(),
                    client(e.client()), e.description(), e.estimatedValue(), orBare(shares, e.shares()));
        }
        throw new IllegalArgumentException("no integration event for " + event.getClass().getName());
    }

    /** The split itself is the event's content: without partner details, it still names every share. */
    private static List<CreditShare> orBare(List<CreditShare> resolved, List<IntroducerShare> shares) {
        return !resolved.isEmpty() ? resolved : shares.stream()
                .map(share -> new CreditShare(share.partnerId().value(), share.share(), null, null, null, null, null))
                .toList();
    }

    private static Client client(ReferredClient client) {
        return new Client(client.company(), client.contactName(), client.contactEmail());
    }

    private static String id(PartnerId partnerId) {
        return partnerId.value();
    }
}
