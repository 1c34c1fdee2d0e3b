package com.rapport.notification.intake;

import com.rapport.events.CloudEventCodec;
import com.rapport.events.EventHandlers;
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
import com.rapport.notification.directory.PartnerContact;
import com.rapport.notification.directory.PartnerDirectory;
import com.rapport.notification.directory.RateLock;
import com.rapport.notification.directory.ReferralDirectory;
import com.rapport.notification.directory.ReferralFile;
import com.rapport.notification.inbox.Notification;
import com.rapport.notification.message.Message;
import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final EventHandlers handlers;

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
        this.handlers = handlers();
    }

    /** One handler per event type. */
    private EventHandlers handlers() {
        return EventHandlers.builder()
                .on(PartnerRegisteredV1.class, (event, registered) -> {
                    String type = event.type().type();
                    Instant at = at(event);
                    present(registered.partnerId(), "partnerId", type);
                    present(registered.email(), "email", type);
                    partners.record(registered, at);
                })
                .on(PartnerUpdatedV1.class, (event, updated) -> {
                    String type = event.type().type();
                    Instant at = at(event);
                    present(updated.partnerId(), "partnerId", type);
                    partners.record(updated, at);
                })
                .on(ReferralSubmittedV1.class, (event, submitted) -> {
                    String type = event.type().type();
                    String company = present(present(submitted.client(), "client", type).company(), "client.company",
                            type);
                    referrals.record(referralOf(submitted.referralId(), type), partnerOf(submitted.partnerId(), type),
                            company, submitted.shares());
                    tell(event, submitted.referralId(), submitted.partnerId(), submitted.shares(),
                            share -> EventMessages.submitted(company, submitted.estimatedValue()));
                })
                .on(FollowOnOpenedV1.class, (event, opened) -> {
                    String type = event.type().type();
                    String company = present(present(opened.client(), "client", type).company(), "client.company",
                            type);
                    referrals.record(referralOf(opened.referralId(), type), partnerOf(opened.partnerId(), type),
                            company, opened.shares());
                    tell(event, opened.referralId(), opened.partnerId(), opened.shares(),
                            share -> EventMessages.followOnOpened(company, opened));
                })
                .on(ReferralQualifiedV1.class, (event, qualified) -> {
                    String type = event.type().type();
                    Object client = clientOf(qualified.referralId(), type);
                    tell(event, qualified.referralId(), qualified.partnerId(), qualified.shares(),
                            share -> EventMessages.qualified(client));
                })
                .on(ReferralRejectedV1.class, (event, rejected) -> {
                    String type = event.type().type();
                    String reason = present(rejected.reason(), "reason", type);
                    Object client = clientOf(rejected.referralId(), type);
                    tell(event, rejected.referralId(), rejected.partnerId(), rejected.shares(),
                            share -> EventMessages.rejected(client, reason));
                })
                .on(ReferralQuotedV1.class, (event, quoted) -> {
                    String type = event.type().type();
                    present(quoted.amount(), "amount", type);
                    Object client = clientOf(quoted.referralId(), type);
                    tell(event, quoted.referralId(), quoted.partnerId(), quoted.shares(),
                            share -> EventMessages.quoted(client, quoted.amount()));
                })
                .on(CreditSplitV1.class, (event, split) -> {
                    String type = event.type().type();
                    Object client = clientOf(split.referralId(), type);
                    referrals.credit(referralOf(split.referralId(), type), split.shares());
                    int coIntroducers = ReferralNames.recipients(partnerOf(split.partnerId(), type), split.shares())
                            .size();
                    tell(event, split.referralId(), split.partnerId(), split.shares(),
                            share -> EventMessages.creditSplit(client, shareOf(share), coIntroducers));
                })
                .on(ContractSignedV1.class, (event, signed) -> contractSigned(event, signed, at(event)))
                .on(ContractAmendedV1.class, (event, amended) -> {
                    String type = event.type().type();
                    present(amended.delta(), "delta", type);
                    present(amended.contractValue(), "contractValue", type);
                    present(amended.signedAt(), "signedAt", type);
                    Object client = clientOf(amended.referralId(), type);
                    referrals.contractAmended(referralOf(amended.referralId(), type), amended.contractValue());
                    tell(event, amended.referralId(), amended.partnerId(), amended.shares(),
                            share -> EventMessages.contractAmended(client, amended));
                })
                .on(ScheduleSetV1.class, (event, schedule) -> {
                    String type = event.type().type();
                    schedule.schedule().forEach(instalment -> {
                        present(instalment.amount(), "schedule.amount", type);
                        present(instalment.dueDate(), "schedule.dueDate", type);
                    });
                    Object client = clientOf(schedule.referralId(), type);
                    tell(event, schedule.referralId(), schedule.partnerId(), schedule.shares(),
                            share -> EventMessages.scheduleSet(client, schedule));
                })
                .on(MilestoneReachedV1.class, (event, milestone) -> {
                    String type = event.type().type();
                    present(milestone.name(), "name", type);
                    Object client = clientOf(milestone.referralId(), type);
                    tell(event, milestone.referralId(), milestone.partnerId(), milestone.shares(),
                            share -> EventMessages.milestoneReached(client, milestone));
                })
                .on(PaymentReceivedV1.class, (event, paid) -> paymentReceived(event, paid))
                .on(RefundIssuedV1.class, (event, refund) -> refundIssued(event, refund))
                .on(ReferralDeliveredV1.class, (event, delivered) -> {
                    String type = event.type().type();
                    Object client = clientOf(delivered.referralId(), type);
                    tell(event, delivered.referralId(), delivered.partnerId(), delivered.shares(),
                            share -> EventMessages.delivered(client));
                })
                .on(ReferralCompletedV1.class, (event, completed) -> {
                    String type = event.type().type();
                    Object client = clientOf(completed.referralId(), type);
                    tell(event, completed.referralId(), completed.partnerId(), completed.shares(),
                            share -> EventMessages.completed(client));
                })
                .on(ReferralLostV1.class, (event, lost) -> {
                    String type = event.type().type();
                    present(lost.lostAtStatus(), "lostAtStatus", type);
                    present(lost.reason(), "reason", type);
                    Object client = clientOf(lost.referralId(), type);
                    tell(event, lost.referralId(), lost.partnerId(), lost.shares(),
                            share -> EventMessages.lost(client, lost));
                })
                .on(ReferralReassignedV1.class, (event, reassigned) -> reassigned(event, reassigned, at(event)))
                // commission events have their own topic and intake; nothing else is published here
                .otherwise(event -> { });
    }

    public void accept(CloudEventCodec.Decoded event) {
        handlers.dispatch(event);
    }

    /** When the event happened; now for an event without time. */
    private Instant at(CloudEventCodec.Decoded event) {
        return event.envelope().time() != null ? event.envelope().time() : clock.instant();
    }

    private void contractSigned(CloudEventCodec.Decoded event, ContractSignedV1 signed, Instant at) {
        String type = event.type().type();
        present(signed.contractValue(), "contractValue", type);
        present(signed.signedAt(), "signedAt", type);
        Map<String, PartnerContact> known = learn(signed.shares(), at);
        ReferralId referral = referralOf(signed.referralId(), type);
        Object client = names.clientOf(referral);
        // on file before anyone is told, so that a rate lock arriving meanwhile knows the contract was told
        referrals.contractSigned(referral, event.eventId(), signed.contractValue());
        ReferralFile file = referrals.find(referral)
                .orElseGet(() -> new ReferralFile(signed.referralId(), signed.partnerId(), null));
        for (CreditShare share : ReferralNames.recipients(partnerOf(signed.partnerId(), type), signed.shares())) {
            PartnerId partner = PartnerId.of(share.partnerId());
            int number = share.contractNumber() != null ? share.contractNumber() : signed.contractNumber();
            // commission-service locks the rate in answer to this very event: usually it is told on its own after
            Optional<RateLock> lock = commissions.rateLockOf(referral, partner)
                    .filter(rate -> commissions.claim(rate, Notification.idOf(event.eventId(), partner)));
            issue(event, share.partnerId(), known, referral, EventMessages.contractSigned(client, signed, number,
                    lock.map(locked -> CommissionToldOnItsOwn.expectation(locked, signed.contractValue(), file))));
            if (lock.isEmpty()) {
                onItsOwn.rateLockIfContractTold(referral, partner);
            }
        }
    }

    private void paymentReceived(CloudEventCodec.Decoded event, PaymentReceivedV1 paid) {
        String type = event.type().type();
        present(paid.amount(), "amount", type);
        present(paid.kind(), "kind", type);
        present(paid.receivedAt(), "receivedAt", type);
        present(paid.netCash(), "netCash", type);
        Object client = clientOf(paid.referralId(), type);
        tellWithCommission(event, paid.referralId(), paid.partnerId(), paid.shares(),
                earned -> EventMessages.paymentReceived(client, paid, earned));
    }

    private void refundIssued(CloudEventCodec.Decoded event, RefundIssuedV1 refund) {
        String type = event.type().type();
        present(refund.amount(), "amount", type);
        present(refund.issuedAt(), "issuedAt", type);
        present(refund.reason(), "reason", type);
        present(refund.netCash(), "netCash", type);
        Object client = clientOf(refund.referralId(), type);
        tellWithCommission(event, refund.referralId(), refund.partnerId(), refund.shares(),
                reversed -> EventMessages.refundIssued(client, refund, reversed));
    }

    /** Each co-introducer's own commission from this payment or refund, if commission-service told it already. */
    private void tellWithCommission(CloudEventCodec.Decoded event, String referralId, String partnerId,
                                    List<CreditShare> shares,
                                    Function<Optional<IntroducerCommission>, Message> message) {
        String type = event.type().type();
        ReferralId referral = referralOf(referralId, type);
        Map<String, PartnerContact> known = learn(shares, at(event));
        for (CreditShare share : ReferralNames.recipients(partnerOf(partnerId, type), shares)) {
            PartnerId recipient = PartnerId.of(share.partnerId());
            Optional<IntroducerCommission> earned = commissions.introducerCommissionFrom(event.eventId(), recipient)
                    .filter(told -> commissions.claim(told, Notification.idOf(event.eventId(), recipient)));
            issue(event, share.partnerId(), known, referral, message.apply(earned));
            if (earned.isEmpty()) {
                onItsOwn.commissionIfSourceTold(event.eventId(), recipient);
            }
        }
    }

    private void reassigned(CloudEventCodec.Decoded event, ReferralReassignedV1 reassigned, Instant at) {
        String type = event.type().type();
        PartnerId newPartner = partnerOf(reassigned.partnerId(), type);
        PartnerId previousPartner = PartnerId.of(present(reassigned.previousPartnerId(), "previousPartnerId", type));
        String reason = present(reassigned.reason(), "reason", type);
        Map<String, PartnerContact> known = learn(reassigned.shares(), at);
        ReferralId referral = referralOf(reassigned.referralId(), type);
        Object client = names.clientOf(referral);
        referrals.reassign(referral, newPartner, reassigned.shares());
        // the referring partner's credit moves; co-introducers keep theirs and hear nothing new
        issue(event, newPartner.value(), known, referral, EventMessages.reassignedToYou(client, reason));
        if (!previousPartner.equals(newPartner)) {
            issue(event, previousPartner.value(), known, referral, EventMessages.reassignedAway(client, reason));
        }
    }

    /**
     * One notification per credited partner, each in its own words (its share, its own contract number), once the
     * directory learnt what the shares say of them.
     */
    private void tell(CloudEventCodec.Decoded event, String referralId, String partnerId, List<CreditShare> shares,
                      Function<CreditShare, Message> message) {
        String type = event.type().type();
        ReferralId referral = referralOf(referralId, type);
        Map<String, PartnerContact> known = learn(shares, at(event));
        for (CreditShare share : ReferralNames.recipients(partnerOf(partnerId, type), shares)) {
            issue(event, share.partnerId(), known, referral, message.apply(share));
        }
    }

    /**
     * What the event's shares say of each co-introducer (name, email, language) is what it is told in: the partners
     * as the directory knows them now, by id (those the shares told nothing of are not among them).
     */
    private Map<String, PartnerContact> learn(List<CreditShare> shares, Instant at) {
        Map<String, PartnerContact> known = new HashMap<>();
        shares.forEach(share -> partners.learn(share, at)
                .ifPresent(contact -> known.put(contact.partnerId(), contact)));
        return known;
    }

    /** Told as just learnt from this event, or as the directory knows it. */
    private void issue(CloudEventCodec.Decoded event, String recipient, Map<String, PartnerContact> known,
                       ReferralId referral, Message message) {
        PartnerContact learnt = known.get(recipient);
        if (learnt != null) {
            issuer.issue(event, learnt, referral, message);
        } else {
            issuer.issue(event, PartnerId.of(recipient), referral, message);
        }
    }

    private Object clientOf(String referralId, String type) {
        return names.clientOf(referralOf(referralId, type));
    }

    /** The event's referral id, which every referral event carries (else it is dead-lettered). */
    private static ReferralId referralOf(String referralId, String type) {
        return ReferralId.of(present(referralId, "referralId", type));
    }

    /** The partner the event names, which every referral event carries (else it is dead-lettered). */
    private static PartnerId partnerOf(String partnerId, String type) {
        return PartnerId.of(present(partnerId, "partnerId", type));
    }

    private static BigDecimal shareOf(CreditShare share) {
        return share.share() == null ? BigDecimal.ONE : share.share();
    }
}
