package com.rapport.commission.taxprofile;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * Who a partner is for tax purposes: the supplier on its self-billing invoices. {@code vatId} and
 * {@code address.line2} may be null; {@code selfBillingAcceptedBy}/{@code At} are null until self-billing was
 * accepted (by the partner, or by FINANCE on its behalf). Kept in {@code tax_profiles}, {@code _id} = partnerId.
 */
@Document(TaxProfiles.TAX_PROFILES)
public record TaxProfile(@Id String partnerId, String legalName, Address address, String vatId, boolean vatRegistered,
                         boolean selfBillingAccepted, String selfBillingAcceptedBy, Instant selfBillingAcceptedAt) {

    /** A postal address; {@code country} is an ISO 3166 alpha-2 code. */
    public record Address(String line1, String line2, String city, String postalCode, String country) {
    }

    /** The country the partner is VAT registered in: the one its VAT id's prefix names, else its address's. */
    public String vatCountry() {
        return VatIds.countryOf(vatId).orElse(address.country());
    }
}
