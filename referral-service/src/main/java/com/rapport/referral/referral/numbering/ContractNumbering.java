package com.rapport.referral.referral.numbering;

import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;

/** Numbers a partner's signed contracts 1, 2, 3... in order of signing; commission tiers depend on it. */
public interface ContractNumbering {

    /** The partner's number for this referral's contract; asking again for the same referral gives the same number. */
    int numberFor(PartnerId partnerId, ReferralId referralId);

    /**
     * The referral will never be signed (it was rejected or lost while its signing was under way): its number is
     * given back if no later one was given meanwhile, so the partner's numbers have no gap. Otherwise it stays taken.
     */
    void giveBack(PartnerId partnerId, ReferralId referralId);
}
