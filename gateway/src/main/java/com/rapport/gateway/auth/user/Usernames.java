package com.rapport.gateway.auth.user;

import java.util.Locale;

/** Usernames are compared without case: {@code Alice} and {@code alice} are one login. */
public final class Usernames {

    /** Letters, digits and {@code . _ @ + -}, starting with a letter or digit: e-mail addresses fit. */
    public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._@+-]{1,63}$";

    private Usernames() {
    }

    public static String normalized(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
