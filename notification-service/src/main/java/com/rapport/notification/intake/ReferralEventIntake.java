package com.rapport.notification.intake;

import com.rapport.events.CloudEventCodec;
import com.rapport.events.referral.ContractSignedV1;
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
import com.rapport.notification.directory.CommissionFacts;
import com.rapport.notification.directory.IntroducerCommission;
import com.rapport.notification.directory.PartnerDirectory;
import com.rapport.notification.directory.RateLock;
import com.rapport.notification.directory.ReferralDirectory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

import static com.rapport.notification.intake.Required.present;

/**
 * What each event of {@code referral-events} means to the partners: partner events keep the directory, every
 * referral event becomes a notification to the partner credited with the referral (both partners on a
 * reassignment), naming the client. A signed contract and a client payment or refund mention the commission they
 * bring when it can be known; for that they may wait briefly for {@code commission-events}, and the referral's later
 * events wait behind them, so that a referral is always told in order (see {@link HeldEvent}).
 */
@Component
public class ReferralEventIntake {

    private final PartnerDirectory partners;
    private final ReferralDirectory referrals;
    private final CommissionFacts commissions;
    private final HeldEvents held;
    private final CloudEventJson json;
    private final NotificationIssuer issuer;

    public ReferralEventIntake(PartnerDirectory partners, ReferralDirectory referrals, CommissionFacts commissions,
                               HeldEvents held, CloudEventJson json, NotificationIssuer issuer) {
        this.partners = partners;
        this.referrals = referrals;
        this.commissions = commissions;
        this.held = held;
        this.json = json;
        this.issuer = issuer;
    }

    public void accept(CloudEventCodec.Decoded event) {
        Object payload = event.payload();
        String type = event.type().type();
        String referralId = referralIdOf(event);
        if (referralId != null && held.waitsBehindAnother(event, referralId, json.write(event))) {
            return;
        }
        boolean told = true;
        switch (event.type()) {
            case PARTNER_REGISTERED -> {
                PartnerRegisteredV1 registered = (PartnerRegisteredV1) payload;
                present(registered.partnerId(), "partnerId", type);
                present(registered.email(), "email", type);
                partners.record(registered);
            }
            case REFERRAL_SUBMITTED -> {
                ReferralSubmittedV1 submitted = (ReferralSubmittedV1) payload;
                present(submitted.referralId(), "referralId", type);
                present(present(submitted.client(), "client", type).company(), "client.company", type);
                String partnerId = present(submitted.partnerId(), "partnerId", type);
                referrals.record(submitted);
                issuer.issue(event, partnerId, submitted.referralId(),
                        EventMessages.submitted(submitted.client().company(), submitted.estimatedValue()));
            }
            case REFERRAL_QUALIFIED -> {
                ReferralQualifiedV1 qualified = (ReferralQualifiedV1) payload;
                issuer.issue(event, partnerOf(qualified.partnerId(), type), qualified.referralId(),
                        EventMessages.qualified(clientOf(qualified.referralId(), type)));
            }
            case REFERRAL_REJECTED -> {
                ReferralRejectedV1 rejected = (ReferralRejectedV1) payload;
                issuer.issue(event, partnerOf(rejected.partnerId(), type), rejected.referralId(),
                        EventMessages.rejected(clientOf(rejected.referralId(), type),
                                present(rejected.reason(), "reason", type)));
            }
            case REFERRAL_QUOTED -> {
                ReferralQuotedV1 quoted = (ReferralQuotedV1) payload;
                issuer.issue(event, partnerOf(quoted.partnerId(), type), quoted.referralId(),
                        EventMessages.quoted(clientOf(quoted.referralId(), type),
                                present(quoted.amount(), "amount", type)));
            }
            case CONTRACT_SIGNED -> told = contractSigned(event, (ContractSignedV1) payload);
            case MILESTONE_REACHED -> {
                MilestoneReachedV1 milestone = (MilestoneReachedV1) payload;
                present(milestone.name(), "name", type);
                issuer.issue(event, partnerOf(milestone.partnerId(), type), milestone.referralId(),
                        EventMessages.milestoneReached(clientOf(milestone.referralId(), type), milestone));
            }
            case PAYMENT_RECEIVED -> told = paymentReceived(event, (PaymentReceivedV1) payload);
            case REFUND_ISSUED -> told = refundIssued(event, (RefundIssuedV1) payload);
            case REFERRAL_DELIVERED -> {
                ReferralDeliveredV1 delivered = (ReferralDeliveredV1) payload;
                issuer.issue(event, partnerOf(delivered.partnerId(), type), delivered.referralId(),
                        EventMessages.delivered(clientOf(delivered.referralId(), type)));
            }
            case REFERRAL_COMPLETED -> {
                ReferralCompletedV1 completed = (ReferralCompletedV1) payload;
                issuer.issue(event, partnerOf(completed.partnerId(), type), completed.referralId(),
                        EventMessages.completed(clientOf(completed.referralId(), type)));
            }
            case REFERRAL_LOST -> {
                ReferralLostV1 lost = (ReferralLostV1) payload;
                present(lost.lostAtStatus(), "lostAtStatus", type);
                present(lost.reason(), "reason", type);
                issuer.issue(event, partnerOf(lost.partnerId(), type), lost.referralId(),
                        EventMessages.lost(clientOf(lost.referralId(), type), lost));
            }
            case REFERRAL_REASSIGNED -> reassigned(event, (ReferralReassignedV1) payload);
            default -> {
                // commission events have their own topic and intake; nothing else is published here
            }
        }
        if (referralId != null && told) {
            // told: the events of the referral held behind it may follow
            held.done(event.eventId());
        }
    }

    /**
     * Tells the referral's waiting events that may go now, in the order they came: each goes when what it waited
     * for has arrived or its time is up, and the ones behind it wait as long as it does.
     */
    public void releaseWaiting(String referralId) {
        // read again after each one: an event held meanwhile (behind these) follows at once too
        for (List<HeldEvent> waiting = held.ofReferral(referralId); !waiting.isEmpty();
             waiting = held.ofReferral(referralId)) {
            HeldEvent first = waiting.get(0);
            accept(json.read(first.cloudEvent()));
            if (held.find(first.eventId()).isPresent()) {
                return;
            }
        }
    }

    /** The referral an event is about, for every referral event after its submission; null otherwise. */
    private static String referralIdOf(CloudEventCodec.Decoded event) {
        return switch (event.type()) {
            case REFERRAL_QUALIFIED -> ((ReferralQualifiedV1) event.payload()).referralId();
            case REFERRAL_REJECTED -> ((ReferralRejectedV1) event.payload()).referralId();
            case REFERRAL_QUOTED -> ((ReferralQuotedV1) event.payload()).referralId();
            case CONTRACT_SIGNED -> ((ContractSignedV1) event.payload()).referralId();
            case MILESTONE_REACHED -> ((MilestoneReachedV1) event.payload()).referralId();
            case PAYMENT_RECEIVED -> ((PaymentReceivedV1) event.payload()).referralId();
            case REFUND_ISSUED -> ((RefundIssuedV1) event.payload()).referralId();
            case REFERRAL_DELIVERED -> ((ReferralDeliveredV1) event.payload()).referralId();
            case REFERRAL_COMPLETED -> ((ReferralCompletedV1) event.payload()).referralId();
            case REFERRAL_LOST -> ((ReferralLostV1) event.payload()).referralId();
            case REFERRAL_REASSIGNED -> ((ReferralReassignedV1) event.payload()).referralId();
            default -> null;
        };
    }

    /** False when it waits for its commission instead. */
    private boolean contractSigned(CloudEventCodec.Decoded event, ContractSignedV1 signed) {
        String type = event.type().type();
        present(signed.contractValue(), "contractValue", type);
        present(signed.signedAt(), "signedAt", type);
        String partnerId = partnerOf(signed.partnerId(), type);
        String client = clientOf(signed.referralId(), type);
        // commission-service locks the rate in answer to this very event: it is worth a short wait
        Optional<RateLock> lock = commissions.rateLockOf(signed.referralId());
        if (lock.isEmpty() && waitsForCommission(event, partnerId, signed.referralId())) {
            return false;
        }
        issuer.issue(event, partnerId, signed.referralId(), EventMessages.contractSigned(client, signed, lock));
        return true;
    }

    /** False when it waits for its commission instead. */
    private boolean paymentReceived(CloudEventCodec.Decoded event, PaymentReceivedV1 paid) {
        String type = event.type().type();
        present(paid.amount(), "amount", type);
        present(paid.kind(), "kind", type);
        present(paid.receivedAt(), "receivedAt", type);
        present(paid.netCash(), "netCash", type);
        String partnerId = partnerOf(paid.partnerId(), type);
        String client = clientOf(paid.referralId(), type);
        Optional<IntroducerCommission> earned = commissions.introducerCommissionFrom(event.eventId());
        // a commission is only expected where a rate was locked; otherwise nothing is worth waiting for
        boolean expected = commissions.rateLockOf(paid.referralId()).isPresent();
        if (earned.isEmpty() && expected && waitsForCommission(event, partnerId, paid.referralId())) {
            return false;
        }
        issuer.issue(event, partnerId, paid.referralId(), EventMessages.paymentReceived(client, paid, earned));
        return true;
    }

    /** False when it waits for its commission instead. */
    private boolean refundIssued(CloudEventCodec.Decoded event, RefundIssuedV1 refund) {
        String type = event.type().type();
        present(refund.amount(), "amount", type);
        present(refund.issuedAt(), "issuedAt", type);
        present(refund.reason(), "reason", type);
        present(refund.netCash(), "netCash", type);
        String partnerId = partnerOf(refund.partnerId(), type);
        String client = clientOf(refund.referralId(), type);
        Optional<IntroducerCommission> reversed = commissions.introducerCommissionFrom(event.eventId());
        boolean expected = commissions.rateLockOf(refund.referralId()).isPresent();
        if (reversed.isEmpty() && expected && waitsForCommission(event, partnerId, refund.referralId())) {
            return false;
        }
        issuer.issue(event, partnerId, refund.referralId(), EventMessages.refundIssued(client, refund, reversed));
        return true;
    }

    private boolean waitsForCommission(CloudEventCodec.Decoded event, String partnerId, String referralId) {
        return !issuer.hasIssued(event.eventId(), partnerId)
                && held.shouldWait(event, referralId, json.write(event));
    }

    private void reassigned(CloudEventCodec.Decoded event, ReferralReassignedV1 reassigned) {
        String type = event.type().type();
        String client = clientOf(reassigned.referralId(), type);
        String newPartner = partnerOf(reassigned.partnerId(), type);
        String previousPartner = present(reassigned.previousPartnerId(), "previousPartnerId", type);
        String reason = present(reassigned.reason(), "reason", type);
        // both must be known before either is told, so that neither side is left out for long
        partners.require(newPartner);
        partners.require(previousPartner);
        referrals.reassign(reassigned.referralId(), newPartner);
        issuer.issue(event, newPartner, reassigned.referralId(), EventMessages.reassignedToYou(client, reason));
        issuer.issue(event, previousPartner, reassigned.referralId(), EventMessages.reassignedAway(client, reason));
    }

    private static String partnerOf(String partnerId, String type) {
        return present(partnerId, "partnerId", type);
    }

    private String clientOf(String referralId, String type) {
        return referrals.require(present(referralId, "referralId", type)).clientCompany();
    }
}
