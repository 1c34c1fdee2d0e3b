package com.rapport.notification.delivery.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Standard Webhooks signing: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}. The key is the partner's
 * secret as given (its UTF-8 bytes), except a secret in the Standard Webhooks form {@code whsec_<base64>}, whose key
 * is the decoded base64, so the scheme's own verification libraries work unchanged.
 */
public final class WebhookSignature {

    static final String VERSION = "v1";
    static final String STANDARD_SECRET_PREFIX = "whsec_";
    private static final String HMAC = "HmacSHA256";

    private WebhookSignature() {
    }

    public static String sign(String secret, String webhookId, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key(secret), HMAC));
            byte[] signed = mac.doFinal((webhookId + "." + timestampSeconds + "." + body)
                    .getBytes(StandardCharsets.UTF_8));
            return VERSION + "," + Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    static byte[] key(String secret) {
        if (secret.startsWith(STANDARD_SECRET_PREFIX)) {
            try {
                return Base64.getDecoder().decode(secret.substring(STANDARD_SECRET_PREFIX.length()));
            } catch (IllegalArgumentException notBase64) {
                // not the standard form after all: the secret as written is the key
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
