package com.rapport.commission.dealterms;

import java.time.Instant;

public record DealTermsAgreed(String referralId, AgreedTerms terms, String agreedBy, Instant agreedAt) {
}
