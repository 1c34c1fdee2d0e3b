package com.rapport.commission.invoice;

/**
 * A party of an invoice as printed on it (copied when the invoice is issued, so later changes never alter it).
 * {@code line2} and {@code vatId} may be null; so may the address of a supplier without a tax profile.
 */
public record Party(String name, String line1, String line2, String city, String postalCode, String country,
                    String vatId) {
}
