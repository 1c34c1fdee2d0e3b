package com.rapport.referral.referral.claim;

import com.rapport.referral.referral.ReferralId;
import com.rapport.referral.referral.ReferredClient;

/**
 * The set rule across referrals: one client, one live referral. A referral claims its client before it is created;
 * the claim holds while the referral is open and for the duplicate window after its submission.
 */
public interface ClientClaims {

    /**
     * Claims the client for this referral, or refuses with {@link DuplicateReferralException}. Claiming again for the
     * same referral is harmless. If the surrounding unit of work rolls back, the claims taken are given back.
     */
    void claim(ReferralId referralId, ReferredClient client);

    /** The referral was rejected or lost: its claims now only last until the duplicate window ends. */
    void close(ReferralId referralId, ReferredClient client);
}
