package com.rapport.referral.partner;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The languages a partner can be told things in (API.md). */
public enum PartnerLanguage {
    EN("en"), FR("fr"), ZH("zh");

    /** The accepted codes, as a regular expression for request validation. */
    public static final String CODES_PATTERN = "en|fr|zh";

    private final String code;

    PartnerLanguage(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<PartnerLanguage> ofCode(String code) {
        return Arrays.stream(values()).filter(language -> language.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(PartnerLanguage::code).toList();
    }
}
