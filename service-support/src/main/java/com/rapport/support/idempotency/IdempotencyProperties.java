package com.rapport.support.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * {@code rapport.idempotency.*}: which requests of a service honour an {@code Idempotency-Key}, and how long a key is
 * kept. A service with no {@code routes} has no idempotency filter at all.
 *
 * @param routes          "METHOD /path/pattern" (Spring path patterns), e.g. {@code POST /api/**}
 * @param retention       how long a key and its answer are remembered
 * @param inProgressLease how long a request may hold its key without an answer before a retry may take it over (the
 *                        first request died, e.g. its instance crashed)
 * @param maxKeyLength    longer keys are a 400 (API.md: ids chosen by the caller are at most 200 characters)
 * @param fingerprintKey  the secret of the HMAC that fingerprints a request, so that a stored fingerprint of a body
 *                        holding a password cannot be guessed offline; instances that share keys share it. Blank: a
 *                        random one per process (a retry that reaches another instance or comes after a restart is
 *                        then refused as a reused key instead of answered again)
 */
@ConfigurationProperties("rapport.idempotency")
public record IdempotencyProperties(
        @DefaultValue List<String> routes,
        @DefaultValue("24h") Duration retention,
        @DefaultValue("60s") Duration inProgressLease,
        @DefaultValue("200") int maxKeyLength,
        @DefaultValue("") String fingerprintKey) {

    public IdempotencyProperties {
        routes = routes == null ? List.of() : List.copyOf(routes);
    }
}
