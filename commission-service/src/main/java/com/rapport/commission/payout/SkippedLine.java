package com.rapport.commission.payout;

import com.rapport.events.money.Money;

/**
 * A line a batch would have paid but left out because the partner cannot be paid yet; its entries stay free.
 * {@code reason}: {@code no-tax-profile}, {@code self-billing-not-accepted} or {@code no-payout-details}.
 */
public record SkippedLine(String partnerId, String currency, Money amount, String reason) {

    public static final String NO_TAX_PROFILE = "no-tax-profile";
    public static final String SELF_BILLING_NOT_ACCEPTED = "self-billing-not-accepted";
    public static final String NO_PAYOUT_DETAILS = "no-payout-details";
}
