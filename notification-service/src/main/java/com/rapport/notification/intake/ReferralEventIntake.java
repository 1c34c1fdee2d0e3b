package com.rapport.notification.intake;

import com.rapport.events.CloudEventCodec;
import com.rapport.events.referral.ContractAmendedV1;
import com.rapport.events.referral.ContractSignedV1;
import com.rapport.events.referral.CreditShare;
import com.rapport.events.referral.CreditSplitV1;
import com.rapport.events.referral.FollowOnOpenedV1;
import com.rapport.events.referral.MilestoneReachedV1;
import com.rapport.events.referral.PartnerRegisteredV1;
import com.rapport.events.referral.PartnerUpdatedV1;
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
import com.rapport.events.referral.ScheduleSetV1;
import com.rapport.notification.directory.CommissionFacts;
import com.rapport.notification.directory.IntroducerCommission;
import com.rapport.notification.directory.PartnerDirectory;
import com.rapport.notification.directory.RateLock;
import com.rapport.notification.directory.ReferralDirectory;
import com.rapport.notification.directory.ReferralFile;
import com.rapport.notification.inbox.Notification;
import com.rapport.notification.message.Message;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static com.rapport.notification.intake.Required.present;

/**
 * What each event of {@code referral-events} means to the partners. Partner events keep the directory; every
 * referral event becomes a notification to each partner credited with the referral (each co-introducer of its
 * shares, in its own language; both partners on a reassignment), naming the client. The shares carry each
 * co-introducer's name, email and language, which the directory learns before the notification is written, so
 * nothing waits for a partner event from another partition. A signed contract and a client payment or refund
 * mention the commission they bring when it is already known; otherwise the commission is told on its own when it
 * comes ({@link CommissionToldOnItsOwn}).
 */
@Component
public class ReferralEventIntake {

    private final PartnerDirectory partners;
    private final ReferralDirectory referrals;
    private final CommissionFacts commissions;
    private final ReferralNames names;
    private final CommissionToldOnItsOwn onItsOwn;
    private final NotificationIssuer issuer;
    private final Clock clock;

    ReferralEventIntake(PartnerDirectory partners, ReferralDirectory referrals, CommissionFacts commissions,
                        ReferralNames names, CommissionToldOnItsOwn onItsOwn, NotificationIssuer issuer,
                        Clock clock) {
        this.partners = partners;
        this.referrals = referrals;
        this.commissions = commissions;
        this.names = names;
        this.onItsOwn = onItsOwn;
        this.issuer = issuer;
        this.clock = clock;
    }

    public void accept(CloudEventCodec.Decoded event) {
        Object payload = event.payload();
        String type = event.type().type();
        Instant at = event.envelope().time() != null ? event.envelope().time() : clock.instant();
        switch (event.type()) {
            case PARTNER_REGISTERED -> {
                PartnerRegisteredV1 registered = (PartnerRegisteredV1) payload;
                present(registered.partnerId(), "partnerId", type);
                present(registered.email(), "email", type);
                partners.record(registered, at);
            }
            case PARTNER_UPDATED -> {
                PartnerUpdatedV1 updated = (PartnerUpdatedV1) payload;
                present(updated.partnerId(), "partnerId", type);
                partners.record(updated, at);
            }
            case REFERRAL_SUBMITTED -> {
                ReferralSubmittedV1 submitted = (ReferralSubmittedV1) payload;
                String company = present(present(submitted.client(), "client", type).company(), "client.company",
                        type);
                learn(submitted.shares(), at);
                referrals.record(present(submitted.referralId(), "referralId", type),
                        present(submitted.partnerId(), "partnerId", type), company, submitted.shares());
                tell(event, submitted.referralId(), submitted.partnerId(), submitted.shares(),
                        share -> EventMessages.submitted(company, submitted.estimatedValue()));
            }
            case FOLLOW_ON_OPENED -> {
                FollowOnOpenedV1 opened = (FollowOnOpenedV1) payload;
                String company = present(present(opened.client(), "client", type).company(), "client.company",
                        type);
                learn(opened.shares(), at);
                referrals.record(present(opened.referralId(), "referralId", type),
                        present(opened.partnerId(), "partnerId", type), company, opened.shares());
                tell(event, opened.referralId(), opened.partnerId(), opened.shares(),
                        share -> EventMessages.followOnOpened(company, opened));
            }
            case REFERRAL_QUALIFIED -> {
                ReferralQualifiedV1 qualified = (ReferralQualifiedV1) payload;
                learn(qualified.shares(), at);
                Object client = clientOf(qualified.referralId(), type);
                tell(event, qualified.referralId(), qualified.partnerId(), qualified.shares(),
                        share -> EventMessages.qualified(client));
            }
            case REFERRAL_REJECTED -> {
                ReferralRejectedV1 rejected = (ReferralRejectedV1) payload;
                String reason = present(rejected.reason(), "reason", type);
                learn(rejected.shares(), at);
                Object client = clientOf(rejected.referralId(), type);
                tell(event, rejected.referralId(), rejected.partnerId(), rejected.shares(),
                        share -> EventMessages.rejected(client, reason));
            }
            case REFERRAL_QUOTED -> {
                ReferralQuotedV1 quoted = (ReferralQuotedV1) payload;
                present(quoted.amount(), "amount", type);
                learn(quoted.shares(), at);
                Object client = clientOf(quoted.referralId(), type);
                tell(event, quoted.referralId(), quoted.partnerId(), quoted.shares(),
                        share -> EventMessages.quoted(client, quoted.amount()));
            }
            case CREDIT_SPLIT -> {
                CreditSplitV1 split = (CreditSplitV1) payload;
                learn(split.shares(), at);
                Object client = clientOf(split.referralId(), type);
                referrals.credit(split.referralId(), split.shares());
                int coIntroducers = ReferralNames.recipients(split.partnerId(), split.shares()).size();
                tell(event, split.referralId(), split.partnerId(), split.shares(),
                        share -> EventMessages.creditSplit(client, shareOf(share), coIntroducers));
            }
            case CONTRACT_SIGNED -> contractSigned(event, (ContractSignedV1) payload, at);
            case CONTRACT_AMENDED -> {
                ContractAmendedV1 amended = (ContractAmendedV1) payload;
                present(amended.delta(), "delta", type);
                present(amended.contractValue(), "contractValue", type);
                present(amended.signedAt(), "signedAt", type);
                learn(amended.shares(), at);
                Object client = clientOf(amended.referralId(), type);
                referrals.contractAmended(amended.referralId(), amended.contractValue());
                tell(event, amended.referralId(), amended.partnerId(), amended.shares(),
                        share -> EventMessages.contractAmended(client, amended));
            }
            case SCHEDULE_SET -> {
                ScheduleSetV1 schedule = (ScheduleSetV1) payload;
                schedule.schedule().forEach(instalment -> {
                    present(instalment.amount(), "schedule.amount", type);
                    present(instalment.dueDate(), "schedule.dueDate", type);
                });
                learn(schedule.shares(), at);
                Object client = clientOf(schedule.referralId(), type);
                tell(event, schedule.referralId(), schedule.partnerId(), schedule.shares(),
                        share -> EventMessages.scheduleSet(client, schedule));
            }
            case MILESTONE_REACHED -> {
                MilestoneReachedV1 milestone = (MilestoneReachedV1) payload;
                present(milestone.name(), "name", type);
                learn(milestone.shares(), at);
                Object client = clientOf(milestone.referralId(), type);
                tell(event, milestone.referralId(), milestone.partnerId(), milestone.shares(),
                        share -> EventMessages.milestoneReached(client, milestone));
            }
            case PAYMENT_RECEIVED -> paymentReceived(event, (PaymentReceivedV1) payload, at);
            case REFUND_ISSUED -> refundIssued(event, (RefundIssuedV1) payload, at);
            case REFERRAL_DELIVERED -> {
                ReferralDeliveredV1 delivered = (ReferralDeliveredV1) payload;
                learn(delivered.shares(), at);
                Object client = clientOf(delivered.referralId(), type);
                tell(event, delivered.referralId(), delivered.partnerId(), delivered.shares(),
                        share -> EventMessages.delivered(client));
            }
            case REFERRAL_COMPLETED -> {
                ReferralCompletedV1 completed = (ReferralCompletedV1) payload;
                learn(completed.shares(), at);
                Object client = clientOf(completed.referralId(), type);
                tell(event, completed.referralId(), completed.partnerId(), completed.shares(),
                        share -> EventMessages.completed(client));
            }
            case REFERRAL_LOST -> {
                ReferralLostV1 lost = (ReferralLostV1) payload;
                present(lost.lostAtStatus(), "lostAtStatus", type);
                present(lost.reason(), "reason", type);
                learn(lost.shares(), at);
                Object client = clientOf(lost.referralId(), type);
                tell(event, lost.referralId(), lost.partnerId(), lost.shares(),
                        share -> EventMessages.lost(client, lost));
            }
            case REFERRAL_REASSIGNED -> reassigned(event, (ReferralReassignedV1) payload, at);
            default -> {
                // commission events have their own topic and intake; nothing else is published here
            }
        }
    }

    private void contractSigned(CloudEventCodec.Decoded event, ContractSignedV1 signed, Instant at) {
        String type = event.type().type();
        present(signed.contractValue(), "contractValue", type);
        present(signed.signedAt(), "signedAt", type);
        learn(signed.shares(), at);
        Object client = clientOf(signed.referralId(), type);
        // on file before anyone is told, so that a rate lock arriving meanwhile knows the contract was told
        referrals.contractSigned(signed.referralId(), event.eventId(), signed.contractValue());
        ReferralFile file = referrals.find(signed.referralId())
                .orElseGet(() -> new ReferralFile(signed.referralId(), signed.partnerId(), null));
        for (CreditShare share : ReferralNames.recipients(present(signed.partnerId(), "partnerId", type),
                signed.shares())) {
            String partnerId = share.partnerId();
            int number = share.contractNumber() != null ? share.contractNumber() : signed.contractNumber();
            // commission-service locks the rate in answer to this very event: usually it is told on its own after
            Optional<RateLock> lock = commissions.rateLockOf(signed.referralId(), partnerId)
                    .filter(known -> commissions.claim(known, Notification.idOf(event.eventId(), partnerId)));
            issuer.issue(event, partnerId, signed.referralId(), EventMessages.contractSigned(client, signed, number,
                    lock.map(known -> CommissionToldOnItsOwn.expectation(known, signed.contractValue(), file))));
            if (lock.isEmpty()) {
                onItsOwn.rateLockIfContractTold(signed.referralId(), partnerId);
            }
        }
    }

    private void paymentReceived(CloudEventCodec.Decoded event, PaymentReceivedV1 paid, Instant at) {
        String type = event.type().type();
        present(paid.amount(), "amount", type);
        present(paid.kind(), "kind", type);
        present(paid.receivedAt(), "receivedAt", type);
        present(paid.netCash(), "netCash", type);
        learn(paid.shares(), at);
        Object client = clientOf(paid.referralId(), type);
        tellWithCommission(event, paid.referralId(), paid.partnerId(), paid.shares(),
                earned -> EventMessages.paymentReceived(client, paid, earned));
    }

    private void refundIssued(CloudEventCodec.Decoded event, RefundIssuedV1 refund, Instant at) {
        String type = event.type().type();
        present(refund.amount(), "amount", type);
        present(refund.issuedAt(), "issuedAt", type);
        present(refund.reason(), "reason", type);
        present(refund.netCash(), "netCash", type);
        learn(refund.shares(), at);
        Object client = clientOf(refund.referralId(), type);
        tellWithCommission(event, refund.referralId(), refund.partnerId(), refund.shares(),
                reversed -> EventMessages.refundIssued(client, refund, reversed));
    }

    /** Each co-introducer's own commission from this payment or refund, if commission-service told it already. */
    private void tellWithCommission(CloudEventCodec.Decoded event, String referralId, String partnerId,
                                    List<CreditShare> shares,
                                    Function<Optional<IntroducerCommission>, Message> message) {
        String type = event.type().type();
        present(referralId, "referralId", type);
        for (CreditShare share : ReferralNames.recipients(present(partnerId, "partnerId", type), shares)) {
            String recipient = share.partnerId();
            Optional<IntroducerCommission> earned = commissions.introducerCommissionFrom(event.eventId(), recipient)
                    .filter(known -> commissions.claim(known, Notification.idOf(event.eventId(), recipient)));
            issuer.issue(event, recipient, referralId, message.apply(earned));
            if (earned.isEmpty()) {
                onItsOwn.commissionIfSourceTold(event.eventId(), recipient);
            }
        }
    }

    private void reassigned(CloudEventCodec.Decoded event, ReferralReassignedV1 reassigned, Instant at) {
        String type = event.type().type();
        String newPartner = present(reassigned.partnerId(), "partnerId", type);
        String previousPartner = present(reassigned.previousPartnerId(), "previousPartnerId", type);
        String reason = present(reassigned.reason(), "reason", type);
        learn(reassigned.shares(), at);
        Object client = clientOf(reassigned.referralId(), type);
        referrals.reassign(reassigned.referralId(), newPartner, reassigned.shares());
        // the referring partner's credit moves; co-introducers keep theirs and hear nothing new
        issuer.issue(event, newPartner, reassigned.referralId(), EventMessages.reassignedToYou(client, reason));
        if (!previousPartner.equals(newPartner)) {
            issuer.issue(event, previousPartner, reassigned.referralId(),
                    EventMessages.reassignedAway(client, reason));
        }
    }

    /** One notification per credited partner, each in its own words (its share, its own contract number). */
    private void tell(CloudEventCodec.Decoded event, String referralId, String partnerId, List<CreditShare> shares,
                      Function<CreditShare, Message> message) {
        String type = event.type().type();
        present(referralId, "referralId", type);
        for (CreditShare share : ReferralNames.recipients(present(partnerId, "partnerId", type), shares)) {
            issuer.issue(event, share.partnerId(), referralId, message.apply(share));
        }
    }

    /** What the event's shares say of each co-introducer (name, email, language) is what it is told in. */
    private void learn(List<CreditShare> shares, Instant at) {
        shares.forEach(share -> partners.learn(share, at));
    }

    private Object clientOf(String referralId, String type) {
        return names.clientOf(present(referralId, "referralId", type));
    }

    private static BigDecimal shareOf(CreditShare share) {
        return share.share() == null ? BigDecimal.ONE : share.share();
    }
}
