package com.rapport.commission.ledger;

import com.rapport.commission.accrual.ReferralStage;
import com.rapport.events.money.Money;

/**
 * The introducer's side of one contracted referral, for the projected balance: {@code fullTarget} is
 * {@code min(cap, round(rate × contractValue))}, {@code earned} the introducer's entries so far.
 */
public record OpenCommission(String referralId, String partnerId, Money fullTarget, Money earned,
                             ReferralStage stage) {

    public Money remaining() {
        return fullTarget.minus(earned);
    }
}
