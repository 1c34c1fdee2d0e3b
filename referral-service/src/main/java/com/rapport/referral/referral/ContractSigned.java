package com.rapport.referral.referral;

import com.rapport.events.money.Money;
import com.rapport.referral.partner.PartnerId;

import java.time.Instant;

/** {@code contractNumber}: this is the partner's n-th signed contract, counting in order of signing. */
public record ContractSigned(ReferralId referralId, PartnerId partnerId, Money contractValue, Instant signedAt,
                             int contractNumber) implements ReferralEvent {
}
