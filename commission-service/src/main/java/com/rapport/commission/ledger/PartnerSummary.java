package com.rapport.commission.ledger;

import java.util.List;

/** {@code {"partnerId", "currencies": [...]}} of API.md. */
public record PartnerSummary(String partnerId, List<CurrencyBalance> currencies) {
}
