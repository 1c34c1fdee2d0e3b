package com.rapport.commission.invoice;

import com.rapport.commission.taxprofile.VatIds;
import com.rapport.events.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Decides the VAT of a self-billing invoice from where the partner (the supplier) is VAT registered and where the
 * business (the customer) is. VAT is rounded half-up to the currency's minor unit, as tax authorities round.
 */
public final class VatRules {

    private VatRules() {
    }

    /** {@code rate} is zero unless DOMESTIC. */
    public record VatDecision(VatTreatment treatment, BigDecimal rate) {
    }

    /**
     * @param supplierVatCountry where the partner is VAT registered (ISO 3166), null when not registered
     * @param businessCountry    the business's own country (ISO 3166)
     * @param domesticRate       the business country's rate, e.g. 0.19
     */
    public static VatDecision decide(boolean supplierVatRegistered, String supplierVatCountry,
                                     String businessCountry, BigDecimal domesticRate) {
        if (!supplierVatRegistered || supplierVatCountry == null) {
            return new VatDecision(VatTreatment.NOT_REGISTERED, BigDecimal.ZERO);
        }
        if (supplierVatCountry.equals(businessCountry)) {
            return new VatDecision(VatTreatment.DOMESTIC, domesticRate);
        }
        if (VatIds.EU_COUNTRIES.contains(supplierVatCountry) && VatIds.EU_COUNTRIES.contains(businessCountry)) {
            return new VatDecision(VatTreatment.REVERSE_CHARGE, BigDecimal.ZERO);
        }
        return new VatDecision(VatTreatment.OUTSIDE_EU, BigDecimal.ZERO);
    }

    /** The VAT on a net amount at a rate, in the currency's minor units. */
    public static Money vatOn(Money net, BigDecimal rate) {
        return new Money(net.amount().multiply(rate).setScale(Money.scaleOf(net.currency()), RoundingMode.HALF_UP),
                net.currency());
    }
}
