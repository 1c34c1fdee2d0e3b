package com.rapport.commission.invoice;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code rapport.commission.invoicing.*}: the business that issues self-billing invoices (their customer) and its
 * domestic VAT rate, and the font files the PDFs are written with, tried in order (see {@link PdfFonts}).
 */
@ConfigurationProperties("rapport.commission.invoicing")
public record InvoicingProperties(Business business, BigDecimal domesticVatRate, List<String> fontPaths) {

    public InvoicingProperties {
        fontPaths = fontPaths == null ? List.of() : List.copyOf(fontPaths);
    }

    /** {@code country} is ISO 3166 alpha-2; {@code vatId} and {@code line2} may be empty. */
    public record Business(String name, String line1, String line2, String city, String postalCode, String country,
                           String vatId) {

        public Party asParty() {
            return new Party(name, line1, blankToNull(line2), city, postalCode, country, blankToNull(vatId));
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }
}
