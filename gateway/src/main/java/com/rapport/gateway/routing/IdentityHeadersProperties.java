package com.rapport.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code rapport.identity-headers.*}: request headers a client might use to claim an identity. They are removed from
 * every routed request (by exact name, or by prefix such as {@code X-Rapport-}); names are compared ignoring case
 * and treating {@code _} as {@code -}, as some servers do.
 */
@ConfigurationProperties("rapport.identity-headers")
public record IdentityHeadersProperties(List<String> strippedPrefixes, List<String> stripped) {

    public IdentityHeadersProperties {
        strippedPrefixes = strippedPrefixes == null ? List.of() : List.copyOf(strippedPrefixes);
        stripped = stripped == null ? List.of() : List.copyOf(stripped);
    }
}
