package com.rapport.referral.referral;

import com.rapport.events.money.Money;
import com.rapport.referral.partner.PartnerId;

public record ReferralQuoted(ReferralId referralId, PartnerId partnerId, Money amount) implements ReferralEvent {
}
