package com.rapport.commission.operations;

import com.rapport.commission.invoice.InvoiceIssued;
import com.rapport.commission.payout.PayoutBatchAbandoned;
import com.rapport.commission.payout.PayoutBatchCancelled;
import com.rapport.commission.payout.PayoutBatchCreated;
import com.rapport.commission.payout.PayoutBatchPaid;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Finance counters (API.md "Operations"): {@code rapport.payout.batches{event}} (created, confirmed, cancelled,
 * abandoned) and {@code rapport.invoices.issued{currency, vat_treatment}}. Counted from the events as this instance
 * publishes them, in a subscribing processor (application.yml): nothing is counted again when the service restarts or a read model is
 * replayed, and each event is counted by the one instance that decided it (Prometheus sums the instances).
 */
@Component
@ProcessingGroup(FinanceMetrics.GROUP)
public class FinanceMetrics {

    static final String GROUP = "finance-metrics";

    private final MeterRegistry meters;

    public FinanceMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (String event : new String[]{"created", "confirmed", "cancelled", "abandoned"}) {
            batches(event);
        }
    }

    @EventHandler
    void on(PayoutBatchCreated event) {
        batches("created").increment();
    }

    @EventHandler
    void on(PayoutBatchPaid event) {
        batches("confirmed").increment();
    }

    @EventHandler
    void on(PayoutBatchCancelled event) {
        batches("cancelled").increment();
    }

    @EventHandler
    void on(PayoutBatchAbandoned event) {
        batches("abandoned").increment();
    }

    @EventHandler
    void on(InvoiceIssued event) {
        Counter.builder("rapport.invoices.issued")
                .tag("currency", String.valueOf(event.currency()))
                .tag("vat_treatment", event.vatTreatment() == null ? "unknown" : event.vatTreatment().name().toLowerCase())
                .description("self-billing invoices issued")
                .register(meters)
                .increment();
    }

    private Counter batches(String event) {
        return Counter.builder("rapport.payout.batches")
                .tag("event", event)
                .description("payout batches by what happened to them")
                .register(meters);
    }
}
