package com.rapport.events.commission;

import com.rapport.events.IntegrationEvent;
import com.rapport.events.money.Money;

/** {@code rapport.commission.invoice-issued.v1: a self-billing invoice for one line of a confirmed batch}; key = partnerId. */
public record InvoiceIssuedV1(String invoiceNumber, String batchId, String partnerId, String currency, Money net, Money vat,
                              Money total) implements IntegrationEvent {
    @Override
    public String subject() {
        return partnerId;
    }
}
