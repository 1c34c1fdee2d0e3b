package com.rapport.commission.invoice;

import com.rapport.commission.invoice.VatRules.VatDecision;
import com.rapport.events.money.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The numbered register of one year's self-billing invoices ({@code SB-<year>-<6 digits>}). A number exists only as
 * the event that issues its invoice, and the event store appends a register's events strictly in sequence (a
 * concurrent append of the same sequence fails and is retried), so numbers are consecutive, never skipped and
 * never reused. Issuing is idempotent on (batch, partner, currency): a retried or replayed request answers the
 * number already issued and issues nothing.
 */
@Aggregate
public class InvoiceRegister {

    static final long LAST_NUMBER = 999_999;

    @AggregateIdentifier
    private String registerId;
    private long lastSequence;
    private final Map<String, String> issuedByKey = new HashMap<>();

    protected InvoiceRegister() {
        // for Axon
    }

    public static String idOf(int year) {
        return "invoice-register-" + year;
    }

    static String keyOf(String batchId, String partnerId, String currency) {
        return batchId + "/" + partnerId + "/" + currency;
    }

    static String numberOf(int year, long sequence) {
        return "SB-%d-%06d".formatted(year, sequence);
    }

    /** Answers the invoice number, new or already issued. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(IssueInvoice command) {
        if (!idOf(command.year()).equals(command.registerId())
                || command.invoiceDate().getYear() != command.year()) {
            throw new IllegalArgumentException("register %s does not number year %d"
                    .formatted(command.registerId(), command.year()));
        }
        String issued = issuedByKey.get(command.key());
        if (issued != null) {
            return issued;
        }
        if (command.lines().isEmpty()) {
            throw new IllegalArgumentException("an invoice needs at least one ledger entry");
        }
        long sequence = lastSequence + 1;
        if (sequence > LAST_NUMBER) {
            throw new IllegalStateException("the invoice numbers of %d are used up".formatted(command.year()));
        }
        Money net = Money.zero(Money.currencyOf(command.currency()));
        for (InvoiceLine line : command.lines()) {
            net = net.plus(line.amount());
        }
        VatDecision decision = VatRules.decide(command.supplierVatRegistered(), command.supplierVatCountry(),
                command.customer().country(), command.domesticVatRate());
        Money vat = VatRules.vatOn(net, decision.rate());
        String number = numberOf(command.year(), sequence);
        apply(new InvoiceIssued(number, command.year(), sequence, command.batchId(), command.partnerId().value(),
                command.currency(), command.invoiceDate(), command.issuedAt(), command.supplier(), command.customer(),
                decision.treatment(), decision.rate(), net, vat, net.plus(vat), command.lines()));
        return number;
    }

    @EventSourcingHandler
    void on(InvoiceIssued event) {
        registerId = idOf(event.year());
        lastSequence = event.sequence();
        issuedByKey.put(keyOf(event.batchId(), event.partnerId(), event.currency()), event.invoiceNumber());
    }
}
