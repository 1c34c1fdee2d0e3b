package com.rapport.referral.referral.claim;

import com.rapport.support.id.ReferralId;

/** Whether a referral was ever stored: a claim naming one that was not is either under way or left by a crash. */
@FunctionalInterface
public interface StoredReferrals {

    boolean exists(ReferralId referralId);
}
