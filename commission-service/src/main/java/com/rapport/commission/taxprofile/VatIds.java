package com.rapport.commission.taxprofile;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Map.entry;

/**
 * VAT identification numbers: the format of each country that prefixes its numbers (the EU's as VIES lists them,
 * Greece as EL and Northern Ireland as XI; the UK, Switzerland, Norway). Only the format is checked, not whether
 * the number is issued (that needs VIES, an outside service at the time of the check).
 */
public final class VatIds {

    /** Prefix → format of the whole normalised id (prefix included). */
    private static final Map<String, Pattern> FORMATS = Map.ofEntries(
            entry("AT", Pattern.compile("ATU\\d{8}")),
            entry("BE", Pattern.compile("BE[01]\\d{9}")),
            entry("BG", Pattern.compile("BG\\d{9,10}")),
            entry("CY", Pattern.compile("CY\\d{8}[A-Z]")),
            entry("CZ", Pattern.compile("CZ\\d{8,10}")),
            entry("DE", Pattern.compile("DE\\d{9}")),
            entry("DK", Pattern.compile("DK\\d{8}")),
            entry("EE", Pattern.compile("EE\\d{9}")),
            entry("EL", Pattern.compile("EL\\d{9}")),
            entry("ES", Pattern.compile("ES[A-Z0-9]\\d{7}[A-Z0-9]")),
            entry("FI", Pattern.compile("FI\\d{8}")),
            entry("FR", Pattern.compile("FR[A-HJ-NP-Z0-9]{2}\\d{9}")),
            entry("HR", Pattern.compile("HR\\d{11}")),
            entry("HU", Pattern.compile("HU\\d{8}")),
            entry("IE", Pattern.compile("IE(\\d{7}[A-W][A-IW]?|\\d[A-Z+*]\\d{5}[A-W])")),
            entry("IT", Pattern.compile("IT\\d{11}")),
            entry("LT", Pattern.compile("LT(\\d{9}|\\d{12})")),
            entry("LU", Pattern.compile("LU\\d{8}")),
            entry("LV", Pattern.compile("LV\\d{11}")),
            entry("MT", Pattern.compile("MT\\d{8}")),
            entry("NL", Pattern.compile("NL\\d{9}B\\d{2}")),
            entry("PL", Pattern.compile("PL\\d{10}")),
            entry("PT", Pattern.compile("PT\\d{9}")),
            entry("RO", Pattern.compile("RO[1-9]\\d{1,9}")),
            entry("SE", Pattern.compile("SE\\d{10}01")),
            entry("SI", Pattern.compile("SI\\d{8}")),
            entry("SK", Pattern.compile("SK\\d{10}")),
            entry("XI", Pattern.compile("XI(\\d{9}|\\d{12}|GD[0-4]\\d{2}|HA[5-9]\\d{2})")),
            entry("GB", Pattern.compile("GB(\\d{9}|\\d{12}|GD[0-4]\\d{2}|HA[5-9]\\d{2})")),
            entry("CH", Pattern.compile("CHE\\d{9}(MWST|TVA|IVA)?")),
            entry("NO", Pattern.compile("NO\\d{9}(MVA)?")));

    /** The country codes (ISO 3166) of prefixes that differ from them. */
    private static final Map<String, String> PREFIX_COUNTRIES = Map.of("EL", "GR", "XI", "GB");

    /** Member states of the EU (ISO 3166 codes), for the reverse charge. */
    public static final java.util.Set<String> EU_COUNTRIES = java.util.Set.of("AT", "BE", "BG", "CY", "CZ", "DE",
            "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO",
            "SE", "SI", "SK");

    /** Countries without a prefixed format: any letters and digits, at most this many. */
    private static final Pattern OTHER_FORMAT = Pattern.compile("[A-Z0-9]{2,20}");

    private VatIds() {
    }

    /** Upper case, without the spaces, dots and hyphens people write ids with ("CHE-123.456.789 MWST"). */
    public static String normalise(String vatId) {
        return vatId.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
    }

    /**
     * The country the id was issued by, when its prefix names a known format. Greece's "EL" is GR, Northern
     * Ireland's "XI" is GB.
     */
    public static Optional<String> countryOf(String vatId) {
        if (vatId == null || vatId.length() < 2) {
            return Optional.empty();
        }
        String prefix = normalise(vatId).substring(0, 2);
        return FORMATS.containsKey(prefix) ? Optional.of(PREFIX_COUNTRIES.getOrDefault(prefix, prefix))
                : Optional.empty();
    }

    /**
     * Whether a normalised id is valid: an id with a known prefix must match that prefix's format; a partner whose
     * address is in a country with a known format must use it; elsewhere any 2–20 letters and digits.
     */
    public static boolean isValid(String normalisedVatId, String addressCountry) {
        if (normalisedVatId.length() >= 2) {
            Pattern format = FORMATS.get(normalisedVatId.substring(0, 2));
            if (format != null) {
                return format.matcher(normalisedVatId).matches();
            }
        }
        if (addressCountry != null && hasKnownFormat(addressCountry)) {
            return false;
        }
        return OTHER_FORMAT.matcher(normalisedVatId).matches();
    }

    /** Whether a country's VAT ids have a prefixed format here (GR writes EL). */
    static boolean hasKnownFormat(String country) {
        return FORMATS.containsKey(country) || PREFIX_COUNTRIES.containsValue(country);
    }
}
