package com.rapport.gateway.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

import java.time.Duration;

/**
 * {@code rapport.security.local-issuer.*}: the gateway as token issuer. Access tokens are short-lived; a refresh
 * token keeps a session going, with rotation, no longer than {@code refreshTokenLifetime} after sign-in.
 * {@code startupTimeout} bounds the wait for MongoDB while the key and the initial users are set up at start.
 */
@ConfigurationProperties("rapport.security.local-issuer")
public record LocalIssuerProperties(boolean enabled, Duration accessTokenLifetime, Duration refreshTokenLifetime,
                                    SigningKey signingKey, Duration startupTimeout) {

    /**
     * {@code location}: a JWK (JSON) file holding the private RSA key; when absent the key is generated once
     * ({@code size} bits) and kept in the gateway's MongoDB, shared by every instance.
     */
    public record SigningKey(Resource location, int size) {
    }
}
