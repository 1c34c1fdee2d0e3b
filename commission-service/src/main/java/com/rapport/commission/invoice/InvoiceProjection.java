package com.rapport.commission.invoice;

import com.rapport.commission.config.CommissionProperties;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** Keeps the issued invoices REST and the PDFs read. Subscribing, and replayed with the other read models. */
@Component
@ProcessingGroup(InvoiceProjection.GROUP)
class InvoiceProjection {

    static final String GROUP = "invoices";

    private final ReactiveMongoTemplate mongo;
    private final Duration timeout;

    InvoiceProjection(ReactiveMongoTemplate mongo, CommissionProperties properties) {
        this.mongo = mongo;
        this.timeout = properties.storeTimeout();
    }

    @EventHandler
    void on(InvoiceIssued event) {
        mongo.save(InvoiceDocument.of(Invoice.of(event))).block(timeout);
    }
}
