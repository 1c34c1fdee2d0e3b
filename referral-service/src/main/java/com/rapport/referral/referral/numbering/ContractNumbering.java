package com.rapport.referral.referral.numbering;

import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;

/** Numbers a partner's signed contracts 1, 2, 3... in order of signing; commission tiers depend on it. */
public interface ContractNumbering {

    /** The partner's number for this referral's contract; asking again for the same referral gives the same number. */
    int numberFor(PartnerId partnerId, ReferralId referralId);
}
