package com.rapport.gateway.auth.token;

import com.rapport.gateway.auth.ConditionalOnLocalIssuer;
import com.rapport.gateway.auth.LocalIssuerProperties;
import com.rapport.gateway.auth.key.SigningKeys;
import com.rapport.gateway.auth.user.UserAccount;
import com.rapport.gateway.config.GatewaySecurityProperties;
import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Short-lived RS256 access tokens: {@code sub} (username), {@code roles}, {@code partnerId} (PARTNER users only),
 * {@code iss}, {@code aud} (the configured audience: tokens are for Rapport's API only), {@code iat}, {@code exp},
 * {@code jti}, with the signing key's id in the header. These claims are what
 * every service reads through {@link Caller}.
 */
@Component
@ConditionalOnLocalIssuer
public class AccessTokens {

    private final SigningKeys keys;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;
    private final Clock clock;

    public AccessTokens(SigningKeys keys, GatewaySecurityProperties security, LocalIssuerProperties properties,
                        Clock clock) {
        this.keys = keys;
        this.issuer = security.issuer();
        this.audience = security.audience();
        this.lifetime = properties.accessTokenLifetime();
        this.clock = clock;
    }

    public Mono<IssuedAccessToken> issue(UserAccount account) {
        return keys.current().map(key -> {
            Instant now = clock.instant();
            JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                    .issuer(issuer)
                    .audience(List.of(audience))
                    .subject(account.username())
                    .issuedAt(now)
                    .expiresAt(now.plus(lifetime))
                    .id(UUID.randomUUID().toString())
                    .claim(Caller.ROLES_CLAIM, account.roles().stream().map(Role::name).sorted().toList());
            if (account.isPartner() && account.partnerId() != null) {
                claims.claim(Caller.PARTNER_ID_CLAIM, account.partnerId());
            }
            JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.keyId()).type("JWT").build();
            String token = key.encoder().encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
            return new IssuedAccessToken(token, lifetime);
        });
    }

    public record IssuedAccessToken(String value, Duration lifetime) {
    }
}
