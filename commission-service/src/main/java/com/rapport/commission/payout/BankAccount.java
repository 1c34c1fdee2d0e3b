package com.rapport.commission.payout;

import com.rapport.support.domain.CommandRefused;
import org.iban4j.BicUtil;
import org.iban4j.Iban4jException;
import org.iban4j.IbanUtil;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An account a payout can be sent to. The IBAN is checked by iban4j (country format and check digits) and kept in
 * electronic form (no spaces, upper case); the BIC is optional, and checked when given.
 */
public record BankAccount(String accountHolder, String iban, String bic) {

    public static BankAccount validated(String accountHolder, String iban, String bic) {
        String electronicIban = iban.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        try {
            IbanUtil.validate(electronicIban);
        } catch (Iban4jException e) {
            throw invalid("invalid-iban", "Invalid IBAN", "iban", e.getMessage());
        }
        String normalizedBic = bic == null || bic.isBlank() ? null : bic.trim().toUpperCase(Locale.ROOT);
        if (normalizedBic != null) {
            try {
                BicUtil.validate(normalizedBic);
            } catch (Iban4jException e) {
                throw invalid("invalid-bic", "Invalid BIC", "bic", e.getMessage());
            }
        }
        return new BankAccount(accountHolder.trim(), electronicIban, normalizedBic);
    }

    private static CommandRefused invalid(String slug, String title, String field, String message) {
        return new CommandRefused(CommandRefused.Reason.INVALID, slug, title, field + ": " + message,
                Map.of("errors", List.of(Map.of("field", field, "message", String.valueOf(message)))));
    }
}
