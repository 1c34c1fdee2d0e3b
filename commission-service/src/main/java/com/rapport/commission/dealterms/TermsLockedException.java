package com.rapport.commission.dealterms;

import com.rapport.support.domain.CommandRefused;
import com.rapport.support.id.ReferralId;

/** The referral's contract is signed: its terms are locked (409 {@code terms-locked}). */
public class TermsLockedException extends CommandRefused {

    public static final String TERMS_LOCKED = "terms-locked";

    public TermsLockedException(ReferralId referralId) {
        super(Reason.CONFLICT, TERMS_LOCKED, "Terms locked",
                "the contract of referral %s is signed: its commission terms are locked".formatted(referralId.value()));
    }
}
