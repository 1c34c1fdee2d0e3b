package com.rapport.notification.preference;

/** Where a partner's system wants notifications posted, and the secret their signature is made with. */
public record Webhook(String url, String secret) {
}
