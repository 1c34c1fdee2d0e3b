package com.rapport.commission.dealterms;

import java.time.Instant;

/** {@code terms} is null when the contract was signed without agreed terms (the plan applies). */
public record DealTermsLocked(String referralId, AgreedTerms terms, String sourceEventId, Instant lockedAt) {
}
