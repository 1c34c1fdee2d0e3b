package com.rapport.gateway.auth.key;

import com.rapport.gateway.auth.ConditionalOnLocalIssuer;
import com.rapport.gateway.config.GatewaySecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import java.util.List;
import java.util.Objects;

/**
 * While the gateway issues tokens it checks them with its own key directly: RS256 only (so {@code alg: none} and
 * HMAC tricks fail), our issuer, our audience, and an expiry that must be present and not passed. Replaces the decoder Spring Boot
 * would build from {@code jwk-set-uri}, which is what the services use.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnLocalIssuer
public class LocalTokenValidation {

    @Bean
    public ReactiveJwtDecoder localJwtDecoder(SigningKeys keys, GatewaySecurityProperties properties) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withJwkSource(jwt -> keys.verificationKeys())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audiences -> audiences != null && audiences.contains(properties.audience()))));
        return decoder;
    }
}
