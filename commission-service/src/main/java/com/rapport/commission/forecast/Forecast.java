package com.rapport.commission.forecast;

import com.rapport.events.money.Money;

import java.util.List;

/** {@code GET /api/forecast}: {@code {"partnerId", "months": [{"month", "currency", "payable", "fromSchedule"}]}}. */
public record Forecast(String partnerId, List<Month> months) {

    /** Commission expected to become payable in {@code month} ("2027-01") in one currency. */
    public record Month(String month, String currency, Money payable, Money fromSchedule) {
    }
}
