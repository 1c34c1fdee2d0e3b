package com.rapport.commission.plan;

import com.rapport.events.money.Money;

import java.util.Currency;
import java.util.Optional;

/** The least amount a partner is paid out in a currency, by the partner's current plan (none: any positive). */
@FunctionalInterface
public interface MinimumPayouts {

    Optional<Money> minimumPayout(String partnerId, Currency currency);
}
