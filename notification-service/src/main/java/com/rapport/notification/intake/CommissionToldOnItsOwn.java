package com.rapport.notification.intake;

import com.rapport.events.CloudEventCodec;
import com.rapport.events.commission.CommissionAccruedV1;
import com.rapport.events.commission.CommissionReversedV1;
import com.rapport.events.money.Money;
import com.rapport.notification.directory.CommissionFacts;
import com.rapport.notification.directory.IntroducerCommission;
import com.rapport.notification.directory.RateLock;
import com.rapport.notification.directory.ReferralDirectory;
import com.rapport.notification.directory.ReferralFile;
import com.rapport.notification.inbox.Notification;
import com.rapport.notification.message.Percent;
import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Tells an introducer's rate lock or commission on its own when the contract or payment it belongs to was told
 * without it. Both sides call this after writing their own part (the commission intake after recording the fact,
 * the referral intake after telling its event), and {@link CommissionFacts#claim} lets exactly one notification tell
 * the fact, whichever thread gets there first. Nothing waits.
 */
@Component
class CommissionToldOnItsOwn {

    private final CommissionFacts commissions;
    private final ReferralDirectory referrals;
    private final ReferralNames names;
    private final NotificationIssuer issuer;
    private final CloudEventJson json;

    CommissionToldOnItsOwn(CommissionFacts commissions, ReferralDirectory referrals, ReferralNames names,
                           NotificationIssuer issuer, CloudEventJson json) {
        this.commissions = commissions;
        this.referrals = referrals;
        this.names = names;
        this.issuer = issuer;
        this.json = json;
    }

    /** What a contract told with this rate lock says the introducer can expect, if the contract is known. */
    static Optional<EventMessages.Expectation> expectation(RateLock lock, ReferralFile file) {
        return file.signedContractValue().map(value -> expectation(lock, value, file));
    }

    static EventMessages.Expectation expectation(RateLock lock, Money contractValue, ReferralFile file) {
        return new EventMessages.Expectation(new Percent(lock.rateValue()),
                lock.expectedOn(contractValue, file.shareOf(lock.introducer())));
    }

    /** The rate locked for the partner's contract, if the contract was told without it. */
    void rateLockIfContractTold(ReferralId referralId, PartnerId partnerId) {
        Optional<RateLock> lock = commissions.rateLockOf(referralId, partnerId);
        Optional<ReferralFile> file = referrals.find(referralId);
        if (lock.isEmpty() || lock.get().cloudEvent() == null || file.isEmpty()
                || file.get().contractEventId() == null || file.get().signedContractValue().isEmpty()
                || !issuer.hasIssued(file.get().contractEventId(), partnerId)) {
            return;
        }
        CloudEventCodec.Decoded locked = json.read(lock.get().cloudEvent());
        if (commissions.claim(lock.get(), Notification.idOf(locked.eventId(), partnerId))) {
            issuer.issue(locked, partnerId, referralId, EventMessages.rateLocked(file.get().clientCompany(),
                    expectation(lock.get(), file.get().signedContractValue().get(), file.get())));
        }
    }

    /** The partner's commission from a payment or refund, if that was told without it. */
    void commissionIfSourceTold(String sourceEventId, PartnerId partnerId) {
        Optional<IntroducerCommission> commission = commissions.introducerCommissionFrom(sourceEventId, partnerId);
        if (commission.isEmpty() || commission.get().cloudEvent() == null
                || !issuer.hasIssued(sourceEventId, partnerId)) {
            return;
        }
        CloudEventCodec.Decoded entry = json.read(commission.get().cloudEvent());
        if (!commissions.claim(commission.get(), Notification.idOf(entry.eventId(), partnerId))) {
            return;
        }
        ReferralId referral = commission.get().referral();
        Object client = names.clientOf(referral);
        if (entry.payload() instanceof CommissionAccruedV1 accrued) {
            issuer.issue(entry, partnerId, referral, EventMessages.commissionAccrued(client, accrued));
        } else if (entry.payload() instanceof CommissionReversedV1 reversed) {
            issuer.issue(entry, partnerId, referral, EventMessages.commissionReversed(client, reversed));
        }
    }
}
