package com.rapport.commission.accrual;

/**
 * A referral event that contradicts what the commission already knows (a payment in another currency than the
 * contract, a second different contract): no retry can fix it, so the intake dead-letters it.
 */
public class InconsistentReferralEventException extends RuntimeException {

    public InconsistentReferralEventException(String message) {
        super(message);
    }
}
