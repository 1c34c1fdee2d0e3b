package com.rapport.commission.forecast;

import com.rapport.commission.forecast.ReferralOutlook.RoleOutlook;
import com.rapport.events.money.Money;
import com.rapport.events.referral.ScheduledInstalment;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * COMMISSIONS.md "Forecast", {@code fromSchedule}: for every unpaid scheduled instalment of an open referral, the
 * entry the accrual rule would write if it were paid on its due date (today when overdue), payable {@code holdDays}
 * later. "Unpaid": the net cash received so far pays the instalments in due-date order (DECISIONS.md), so a
 * partly paid instalment has its remainder unpaid.
 */
public final class ScheduleForecast {

    private ScheduleForecast() {
    }

    /** One entry the schedule promises: whose, when payable, how much. */
    public record ExpectedEntry(String partnerId, LocalDate payableAt, Money amount) {
    }

    public static void expectedEntries(ReferralOutlook outlook, LocalDate today, Predicate<String> partners,
                                       java.util.function.Consumer<ExpectedEntry> sink) {
        if (!outlook.stage().isOpen() || outlook.schedule().isEmpty()) {
            return;
        }
        Money contractValue = outlook.contractValue();
        Money covered = outlook.netCash();
        Money netCash = outlook.netCash();
        Map<String, Money> earned = new HashMap<>();
        outlook.roles().forEach(role -> earned.put(role.key(), role.earned()));
        List<ScheduledInstalment> byDueDate = outlook.schedule().stream()
                .sorted(Comparator.comparing(ScheduledInstalment::dueDate)).toList();
        for (ScheduledInstalment instalment : byDueDate) {
            Money paid = covered.min(instalment.amount());
            covered = covered.minus(paid);
            Money unpaid = instalment.amount().minus(paid);
            if (!unpaid.isPositive() || netCash.compareTo(contractValue) >= 0) {
                continue;
            }
            // payments never add up to more than the contract (a schedule left longer by an amendment stops there)
            netCash = netCash.plus(unpaid).min(contractValue);
            LocalDate paidOn = instalment.dueDate().isBefore(today) ? today : instalment.dueDate();
            for (RoleOutlook role : outlook.roles()) {
                Money target = role.terms().target(netCash, contractValue);
                Money entry = target.minus(earned.get(role.key()));
                earned.put(role.key(), target);
                if (!entry.isZero() && partners.test(role.partnerId())) {
                    sink.accept(new ExpectedEntry(role.partnerId(),
                            entry.isPositive() ? paidOn.plusDays(role.holdDays()) : paidOn, entry));
                }
            }
        }
    }
}
