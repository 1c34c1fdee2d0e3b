package com.rapport.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

/**
 * {@code rapport.security.*}: the issuer every token carries, the audience it is for (the services refuse tokens meant
 * for anything else), the largest request body, the security headers and
 * which browser origins may call the API (none unless configured).
 */
@ConfigurationProperties("rapport.security")
public record GatewaySecurityProperties(String issuer, String audience, DataSize maxBodySize, Headers headers, Cors cors) {

    public record Headers(String contentSecurityPolicy, ReferrerPolicy referrerPolicy, Duration hstsMaxAge) {
    }

    /** CORS stays closed while {@code allowedOrigins} is empty. */
    public record Cors(List<String> allowedOrigins, List<String> allowedMethods, List<String> allowedHeaders,
                       List<String> exposedHeaders, Duration maxAge) {

        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
            allowedMethods = allowedMethods == null ? List.of() : List.copyOf(allowedMethods);
            allowedHeaders = allowedHeaders == null ? List.of() : List.copyOf(allowedHeaders);
            exposedHeaders = exposedHeaders == null ? List.of() : List.copyOf(exposedHeaders);
        }

        public boolean open() {
            return !allowedOrigins.isEmpty();
        }
    }
}
