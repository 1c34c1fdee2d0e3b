package com.rapport.commission.invoice;

/** How VAT applies to one self-billing invoice (COMMISSIONS.md "Self-billing invoices"). */
public enum VatTreatment {

    /** The partner is not VAT registered: no VAT. */
    NOT_REGISTERED("No VAT: the supplier is not registered for VAT"),
    /** Registered in the business's own country: the configured domestic rate. */
    DOMESTIC(null),
    /** Registered in another EU country: no VAT, the customer accounts for it. */
    REVERSE_CHARGE("Reverse charge: VAT to be accounted for by the customer"),
    /** Registered in another country, not both in the EU: no VAT on the invoice (cross-border service). */
    OUTSIDE_EU("No VAT: cross-border service outside the EU VAT area");

    private final String note;

    VatTreatment(String note) {
        this.note = note;
    }

    /** The words printed on the invoice, or null when a rate is printed instead. */
    public String note() {
        return note;
    }
}
