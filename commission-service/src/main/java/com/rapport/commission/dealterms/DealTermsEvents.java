package com.rapport.commission.dealterms;

import java.time.Instant;

/** What happened to a referral's per-deal terms (internal Axon events). */
public final class DealTermsEvents {

    private DealTermsEvents() {
    }

    public record DealTermsAgreed(String referralId, AgreedTerms terms, String agreedBy, Instant agreedAt) {
    }

    /** {@code terms} is null when the contract was signed without agreed terms (the plan applies). */
    public record DealTermsLocked(String referralId, AgreedTerms terms, String sourceEventId, Instant lockedAt) {
    }
}
