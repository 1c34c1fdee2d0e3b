package com.rapport.notification.message;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages partners read: English (the default), French and Chinese. */
public enum Language {

    EN("en"), FR("fr"), ZH("zh");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    public static Optional<Language> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = Locale.forLanguageTag(code.trim()).getLanguage();
        return Arrays.stream(values()).filter(language -> language.code.equals(wanted)).findFirst();
    }

    /** The language to write in: the given one when we have it, English otherwise. */
    public static Language orDefault(String code) {
        return ofCode(code).orElse(EN);
    }
}
