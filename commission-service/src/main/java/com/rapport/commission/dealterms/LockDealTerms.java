package com.rapport.commission.dealterms;

import com.rapport.support.id.ReferralId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The referral's contract was signed: its terms are fixed from now on. Answers the terms that apply, null when
 * none were agreed. Sent again for the same contract it answers the same terms.
 */
public record LockDealTerms(ReferralId referralId, String sourceEventId, Instant lockedAt) {

    @TargetAggregateIdentifier
    public String dealTermsId() {
        return DealTerms.idOf(referralId);
    }
}
