package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.rapport.events.money.Money;
import com.rapport.support.id.PartnerId;

public record ReferralQuoted(ReferralId referralId, PartnerId partnerId, Money amount) implements ReferralEvent {
}
