package com.rapport.referral.referral.claim;

import com.rapport.support.id.ReferralId;
import com.rapport.referral.referral.ReferredClient;

import java.util.List;

/**
 * The set rule across referrals: one client, one live referral. A referral claims its client before the command
 * that creates it is sent; the claim holds while the referral is open and for the duplicate window after its
 * submission. A referral that was not stored after all gives its claims back ({@link #release}, {@link #giveBack});
 * one whose submission died before either is found out after the stale-claim grace.
 */
public interface ClientClaims {

    /**
     * Claims the client for this referral, or refuses with {@link DuplicateReferralException}. Claiming again for the
     * same referral is harmless (a retried submission keeps its claim).
     */
    void claim(ReferralId referralId, ReferredClient client);

    /** The referral was not stored after all: the claims it took are free again. */
    void release(ReferralId referralId, ReferredClient client);

    /**
     * A follow-on of {@code from} now holds the client's claims that {@code from} held, as an open referral submitted
     * now: more work for the same client is never a duplicate, yet a new referral of that client is while the
     * follow-on is open. Answers what to {@link #giveBack} if the follow-on is not stored after all.
     */
    HandOver handOver(ReferralId from, ReferralId to, ReferredClient client);

    /** The follow-on was not stored after all: the claims it was handed are {@code from}'s again, as they were. */
    void giveBack(HandOver handOver);

    /** The referral was rejected, lost or completed: its claims now only last until the duplicate window ends. */
    void close(ReferralId referralId, ReferredClient client);

    /** The claims a follow-on was handed, as they were before. */
    record HandOver(ReferralId from, ReferralId to, List<ClientClaim> previous) {

        public HandOver {
            previous = List.copyOf(previous);
        }
    }
}
