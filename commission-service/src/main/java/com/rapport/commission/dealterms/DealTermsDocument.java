package com.rapport.commission.dealterms;

import com.rapport.events.money.Money;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A referral's deal terms as {@code deal_terms} keeps them ({@code _id} = referralId): the rate a decimal string, money
 * the shared shape. A referral locked before any terms were agreed has only {@code locked} / {@code lockedAt}
 * (no {@code reason}): it has no terms to show.
 */
@Document(DealTermsProjection.DEAL_TERMS)
record DealTermsDocument(@Id String referralId, String rate, Money flatFee, Money cap, String reason,
                         String agreedBy, Instant agreedAt, Boolean locked, Instant lockedAt) {

    boolean agreed() {
        return reason != null;
    }

    DealTermsView toView() {
        return new DealTermsView(referralId, rate == null ? null : new BigDecimal(rate), flatFee, cap, reason,
                agreedBy, agreedAt, Boolean.TRUE.equals(locked), lockedAt);
    }
}
