package com.rapport.commission.payout;

import com.rapport.commission.payout.PayoutPlanner.PayableEntry;
import com.rapport.events.money.Money;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PayoutPlannerTest {

    @Test
    void entriesAreSummedPerPartnerAndCurrencyWithReversalsNetted() {
        List<BatchLine> lines = PayoutPlanner.plan(List.of(
                entry("e1", "p", "100.00", "EUR"), entry("e2", "p", "-30.00", "EUR"),
                entry("e3", "p", "5000", "JPY"), entry("e4", "q", "1.000", "BHD")), (p, c) -> Optional.empty());

        assertThat(lines).containsExactly(
                new BatchLine("p", Money.of("70.00", "EUR"), List.of("e1", "e2")),
                new BatchLine("p", Money.of("5000", "JPY"), List.of("e3")),
                new BatchLine("q", Money.of("1.000", "BHD"), List.of("e4")));
    }

    @Test
    void aLineThatIsNotPositiveIsLeftOutSoItsEntriesStayFree() {
        List<BatchLine> lines = PayoutPlanner.plan(List.of(entry("e1", "p", "-100.00", "EUR"),
                entry("e2", "p", "100.00", "EUR")), (p, c) -> Optional.empty());

        assertThat(lines).isEmpty();
    }

    @Test
    void aLineUnderThePartnersMinimumPayoutWaits() {
        List<BatchLine> lines = PayoutPlanner.plan(List.of(entry("e1", "p", "49.99", "EUR"),
                        entry("e2", "q", "50.00", "EUR")),
                (p, c) -> Optional.of(Money.of("50.00", "EUR")));

        assertThat(lines).extracting(BatchLine::partnerId).containsExactly("q");
    }

    private static PayableEntry entry(String id, String partner, String amount, String currency) {
        return new PayableEntry(id, partner, Money.of(amount, currency));
    }
}
