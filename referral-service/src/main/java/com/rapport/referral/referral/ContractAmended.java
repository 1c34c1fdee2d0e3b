package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.rapport.events.money.Money;
import com.rapport.support.id.PartnerId;

import java.time.Instant;

/** The contract grew or shrank by {@code delta}; {@code contractValue} is its value after the change. */
public record ContractAmended(ReferralId referralId, PartnerId partnerId, String amendmentId, Money delta,
                              Money contractValue, String reason, Instant signedAt) implements ReferralEvent {
}
