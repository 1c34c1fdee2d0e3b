package com.rapport.gateway.auth;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Present only while the gateway issues its own tokens ({@code rapport.security.local-issuer.enabled}, the default).
 * With an external OpenID Connect provider it is switched off: no user store, no signing key, no {@code /auth/*}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@ConditionalOnProperty(prefix = "rapport.security.local-issuer", name = "enabled", havingValue = "true",
        matchIfMissing = true)
public @interface ConditionalOnLocalIssuer {
}
