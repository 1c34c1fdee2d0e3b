package com.rapport.commission.invoice;

import com.rapport.events.money.Money;
import com.rapport.support.id.PartnerId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

class InvoiceRegisterTest {

    static final String REGISTER = InvoiceRegister.idOf(2026);
    static final Instant ISSUED_AT = Instant.parse("2026-11-26T12:00:00Z");
    static final LocalDate PAID_ON = LocalDate.parse("2026-11-26");
    static final BigDecimal RATE = new BigDecimal("0.19");
    static final Party BUSINESS = new Party("Rapport Agency GmbH", "Friedrichstrasse 100", null, "Berlin", "10117",
            "DE", "DE123456789");
    static final Party SUPPLIER = new Party("Partner GmbH", "Hauptstr. 1", null, "Munich", "80331", "DE",
            "DE987654321");
    static final List<InvoiceLine> LINES = List.of(
            new InvoiceLine("e1", "r1", null, "ACCRUAL", Money.of("120.00", "EUR"), "10% of 1200.00 EUR"),
            new InvoiceLine("e2", "r1", null, "REVERSAL", Money.of("-20.00", "EUR"), "refund"));

    private final AggregateTestFixture<InvoiceRegister> fixture = new AggregateTestFixture<>(InvoiceRegister.class);

    static IssueInvoice issue(String batchId, String partnerId, boolean registered, String vatCountry) {
        return new IssueInvoice(REGISTER, 2026, batchId, PartnerId.of(partnerId), "EUR", PAID_ON, ISSUED_AT,
                SUPPLIER, registered, vatCountry, BUSINESS, RATE, LINES);
    }

    static InvoiceIssued issued(String number, long sequence, String batchId, String partnerId,
                                VatTreatment treatment, BigDecimal rate, String vat, String total) {
        return new InvoiceIssued(number, 2026, sequence, batchId, partnerId, "EUR", PAID_ON, ISSUED_AT, SUPPLIER,
                BUSINESS, treatment, rate, Money.of("100.00", "EUR"), Money.of(vat, "EUR"), Money.of(total, "EUR"),
                LINES);
    }

    @Nested
    class IssuingAnInvoice {

        @Test
        void theFirstOfAYearIsNumberOneWithTheDomesticRate() {
            fixture.givenNoPriorActivity()
                    .when(issue("b1", "p1", true, "DE"))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload("SB-2026-000001")
                    .expectEvents(issued("SB-2026-000001", 1, "b1", "p1", VatTreatment.DOMESTIC, RATE, "19.00",
                            "119.00"));
        }

        @Test
        void theNextLineTakesTheNextNumber() {
            fixture.given(issued("SB-2026-000001", 1, "b1", "p1", VatTreatment.DOMESTIC, RATE, "19.00", "119.00"))
                    .when(issue("b1", "p2", false, null))
                    .expectResultMessagePayload("SB-2026-000002")
                    .expectEvents(issued("SB-2026-000002", 2, "b1", "p2", VatTreatment.NOT_REGISTERED,
                            BigDecimal.ZERO, "0.00", "100.00"));
        }

        @Test
        void aPartnerRegisteredInAnotherEuCountryIsReverseCharged() {
            fixture.givenNoPriorActivity()
                    .when(issue("b1", "p1", true, "FR"))
                    .expectEvents(issued("SB-2026-000001", 1, "b1", "p1", VatTreatment.REVERSE_CHARGE,
                            BigDecimal.ZERO, "0.00", "100.00"));
        }
    }

    @Nested
    class IssuingTheSameLineAgain {

        @Test
        void answersTheNumberAlreadyIssuedAndIssuesNothing() {
            fixture.given(issued("SB-2026-000001", 1, "b1", "p1", VatTreatment.DOMESTIC, RATE, "19.00", "119.00"),
                            issued("SB-2026-000002", 2, "b1", "p2", VatTreatment.DOMESTIC, RATE, "19.00", "119.00"))
                    .when(issue("b1", "p1", true, "DE"))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload("SB-2026-000001")
                    .expectNoEvents();
        }
    }

    @Nested
    class Refuses {

        @Test
        void anInvoiceWithoutLedgerEntries() {
            fixture.givenNoPriorActivity()
                    .when(new IssueInvoice(REGISTER, 2026, "b1", PartnerId.of("p1"), "EUR", PAID_ON, ISSUED_AT,
                            SUPPLIER, false, null, BUSINESS, RATE, List.of()))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void aYearThatIsNotTheRegisters() {
            fixture.givenNoPriorActivity()
                    .when(new IssueInvoice(InvoiceRegister.idOf(2027), 2026, "b1", PartnerId.of("p1"), "EUR",
                            PAID_ON, ISSUED_AT, SUPPLIER, false, null, BUSINESS, RATE, LINES))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void aNumberPastTheSixDigits() {
            fixture.given(new InvoiceIssued("SB-2026-999999", 2026, 999_999, "b0", "p0", "EUR", PAID_ON,
                            ISSUED_AT, SUPPLIER, BUSINESS, VatTreatment.NOT_REGISTERED, BigDecimal.ZERO,
                            Money.of("100.00", "EUR"), Money.of("0.00", "EUR"), Money.of("100.00", "EUR"), LINES))
                    .when(issue("b1", "p1", false, null))
                    .expectException(IllegalStateException.class)
                    .expectNoEvents();
        }
    }
}
