package com.rapport.gateway.auth.user;

import java.util.Locale;
import java.util.Set;

/**
 * What the gateway needs to know of a partner to write to its people: the partner's email address and language
 * ({@code en}, {@code fr} or {@code zh}), as the referral-service says now.
 */
public record PartnerContact(String partnerId, String email, String language) {

    public static final String DEFAULT_LANGUAGE = "en";
    private static final Set<String> LANGUAGES = Set.of("en", "fr", "zh");

    public PartnerContact {
        language = language == null || !LANGUAGES.contains(language.toLowerCase(Locale.ROOT))
                ? DEFAULT_LANGUAGE : language.toLowerCase(Locale.ROOT);
        email = email == null || email.isBlank() ? null : email.trim();
    }

    /** When the partner cannot be asked (partner checks switched off): English, no address. */
    public static PartnerContact unknown(String partnerId) {
        return new PartnerContact(partnerId, null, DEFAULT_LANGUAGE);
    }
}
