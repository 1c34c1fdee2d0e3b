package com.rapport.referral.referral.claim;

import com.rapport.support.id.ReferralId;
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

    /**
     * A follow-on of {@code from} now holds the client's claims that {@code from} held, as an open referral submitted
     * now: more work for the same client is never a duplicate, yet a new referral of that client is while the
     * follow-on is open. Given back to {@code from} if the surrounding unit of work rolls back.
     */
    void handOver(ReferralId from, ReferralId to, ReferredClient client);

    /** The referral was rejected, lost or completed: its claims now only last until the duplicate window ends. */
    void close(ReferralId referralId, ReferredClient client);
}
