package com.rapport.notification.intake;

import com.rapport.events.CloudEventCodec;
import com.rapport.events.commission.CommissionAccruedV1;
import com.rapport.events.commission.CommissionReversedV1;
import com.rapport.events.commission.CommissionRole;
import com.rapport.events.commission.PayoutPaidV1;
import com.rapport.events.commission.RateLockedV1;
import com.rapport.events.money.Money;
import com.rapport.notification.directory.CommissionFacts;
import com.rapport.notification.directory.IntroducerCommission;
import com.rapport.notification.directory.PartnerDirectory;
import com.rapport.notification.directory.RateLock;
import com.rapport.notification.directory.ReferralDirectory;
import com.rapport.notification.directory.ReferralFile;
import com.rapport.notification.message.Message;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import static com.rapport.notification.intake.Required.present;

/**
 * What {@code commission-events} mean to the partners. The introducer hears of its commission in the notification of
 * the contract or payment that caused it (this intake releases those when they wait for it), or on its own when that
 * notification had already gone; the override partner is told of each of its entries; every partner of a confirmed
 * payout is told it was paid. Rate locks of override partners, created and cancelled payouts tell nobody.
 */
@Component
public class CommissionEventIntake {

    private final PartnerDirectory partners;
    private final ReferralDirectory referrals;
    private final CommissionFacts commissions;
    private final HeldEvents held;
    private final ReferralEventIntake referralIntake;
    private final NotificationIssuer issuer;

    public CommissionEventIntake(PartnerDirectory partners, ReferralDirectory referrals, CommissionFacts commissions,
                                 HeldEvents held, ReferralEventIntake referralIntake,
                                 NotificationIssuer issuer) {
        this.partners = partners;
        this.referrals = referrals;
        this.commissions = commissions;
        this.held = held;
        this.referralIntake = referralIntake;
        this.issuer = issuer;
    }

    public void accept(CloudEventCodec.Decoded event) {
        Object payload = event.payload();
        String type = event.type().type();
        switch (event.type()) {
            case RATE_LOCKED -> {
                RateLockedV1 locked = (RateLockedV1) payload;
                if (present(locked.role(), "role", type) == CommissionRole.INTRODUCER) {
                    commissions.record(RateLock.of(present(locked.referralId(), "referralId", type),
                            locked.partnerId(), present(locked.rate(), "rate", type), locked.cap()));
                    referralIntake.releaseWaiting(locked.referralId());
                }
            }
            case COMMISSION_ACCRUED -> {
                CommissionAccruedV1 accrued = (CommissionAccruedV1) payload;
                present(accrued.payableAt(), "payableAt", type);
                entry(event, accrued.role(), accrued.referralId(), accrued.partnerId(), accrued.amount(),
                        accrued.payableAt(), accrued.sourceEventId(),
                        client -> EventMessages.commissionAccrued(client, accrued),
                        (client, introducer) -> EventMessages.overrideAccrued(client, introducer, accrued));
            }
            case COMMISSION_REVERSED -> {
                CommissionReversedV1 reversed = (CommissionReversedV1) payload;
                entry(event, reversed.role(), reversed.referralId(), reversed.partnerId(), reversed.amount(),
                        reversed.payableAt(), reversed.sourceEventId(),
                        client -> EventMessages.commissionReversed(client, reversed),
                        (client, introducer) -> EventMessages.overrideReversed(client, introducer, reversed));
            }
            case PAYOUT_PAID -> {
                PayoutPaidV1 paid = (PayoutPaidV1) payload;
                present(paid.amount(), "amount", type);
                issuer.issue(event, present(paid.partnerId(), "partnerId", type), null,
                        EventMessages.payoutPaid(paid));
            }
            default -> {
                // payout created / cancelled: nothing a partner needs to hear
            }
        }
    }

    private void entry(CloudEventCodec.Decoded event, CommissionRole role, String referralId, String partnerId,
                       Money amount, LocalDate payableAt, String sourceEventId,
                       Function<String, Message> toIntroducer,
                       BiFunction<String, String, Message> toOverride) {
        String type = event.type().type();
        present(role, "role", type);
        present(amount, "amount", type);
        present(partnerId, "partnerId", type);
        ReferralFile referral = referrals.require(present(referralId, "referralId", type));
        if (role == CommissionRole.OVERRIDE) {
            String introducer = partners.require(referral.partnerId()).name();
            issuer.issue(event, partnerId, referralId, toOverride.apply(referral.clientCompany(), introducer));
            return;
        }
        String source = present(sourceEventId, "sourceEventId", type);
        commissions.record(IntroducerCommission.of(source, referralId, partnerId, amount, payableAt));
        Optional<HeldEvent> waiting = held.find(source);
        if (waiting.isPresent()) {
            referralIntake.releaseWaiting(waiting.get().referralId());
        } else if (issuer.hasIssued(source, partnerId)) {
            // the payment was told before its commission was known: tell the commission on its own
            issuer.issue(event, partnerId, referralId, toIntroducer.apply(referral.clientCompany()));
        }
        // otherwise the payment is still to come, and will find its commission recorded
    }
}
