package com.rapport.commission.dealterms;

import com.rapport.support.id.ReferralId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** What finance and the intake ask of a referral's per-deal terms. */
public final class DealTermsCommands {

    private DealTermsCommands() {
    }

    /** Agree (or change) the terms of a referral whose contract is not signed yet. Answers the terms. */
    public record AgreeDealTerms(ReferralId referralId, AgreedTerms terms, String agreedBy, Instant agreedAt) {

        @TargetAggregateIdentifier
        public String dealTermsId() {
            return DealTerms.idOf(referralId);
        }
    }

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
}
