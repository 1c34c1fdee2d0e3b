package com.rapport.commission.dealterms;

import com.rapport.support.id.ReferralId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Agree (or change) the terms of a referral whose contract is not signed yet. Answers the terms. */
public record AgreeDealTerms(ReferralId referralId, AgreedTerms terms, String agreedBy, Instant agreedAt) {

    @TargetAggregateIdentifier
    public String dealTermsId() {
        return DealTerms.idOf(referralId);
    }
}
