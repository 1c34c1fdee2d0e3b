package com.rapport.referral.referral.claim;

import com.rapport.referral.referral.ReferredClient;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What makes two referrals the same client (API.md): the same company name once trimmed, lower-cased and with inner
 * white space collapsed, or the same contact email ignoring case. Each gives one claim key.
 */
public final class ClientKeys {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private ClientKeys() {
    }

    public static List<String> of(ReferredClient client) {
        return List.of("company:" + normalizedCompany(client.company()),
                "email:" + normalizedEmail(client.contactEmail()));
    }

    static String normalizedCompany(String company) {
        return WHITE_SPACE.matcher(company.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    static String normalizedEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
