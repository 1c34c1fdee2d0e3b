package com.rapport.commission.dealterms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** What makes agreed terms usable: exactly one of rate and flat fee, a rate in (0, 1], positive amounts. */
final class DealTermsRules {

    static final int MAX_REASON = 2000;

    private DealTermsRules() {
    }

    /** Field-by-field problems; empty when the terms can be agreed. */
    static List<String> violations(AgreedTerms terms) {
        List<String> problems = new ArrayList<>();
        if (terms == null) {
            problems.add("terms: required");
            return problems;
        }
        if ((terms.rate() == null) == (terms.flatFee() == null)) {
            problems.add("rate, flatFee: exactly one of them is required");
        }
        if (terms.rate() != null && (terms.rate().signum() <= 0 || terms.rate().compareTo(BigDecimal.ONE) > 0)) {
            problems.add("rate: must be more than 0 and at most 1");
        }
        if (terms.flatFee() != null && !terms.flatFee().isPositive()) {
            problems.add("flatFee: must be positive");
        }
        if (terms.cap() != null && !terms.cap().isPositive()) {
            problems.add("cap: must be positive");
        }
        if (terms.flatFee() != null && terms.cap() != null && !terms.flatFee().sameCurrencyAs(terms.cap())) {
            problems.add("cap: must be in the currency of the flat fee");
        }
        if (terms.reason() == null || terms.reason().isBlank()) {
            problems.add("reason: required");
        } else if (terms.reason().length() > MAX_REASON) {
            problems.add("reason: at most %d characters".formatted(MAX_REASON));
        }
        return problems;
    }
}
