package com.rapport.gateway.internet;

import com.rapport.gateway.InternetFacingGatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class TransportSecurityTest extends InternetFacingGatewayTest {

    @Test
    void overTlsBrowsersAreToldToUseNothingElse() {
        from(newAddress()).get().uri("/.well-known/jwks.json").exchange()
                .expectStatus().isOk()
                .expectHeader().value("Strict-Transport-Security", hsts -> assertThat(hsts)
                        .contains("max-age=31536000").contains("includeSubDomains"))
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().exists("Content-Security-Policy");
    }

    @Test
    void theConfiguredPortalOriginMayCallTheApiFromABrowser() {
        from(newAddress()).options().uri("/api/referrals")
                .header("Origin", PORTAL_ORIGIN)
                .header("Access-Control-Request-Method", HttpMethod.GET.name())
                .header("Access-Control-Request-Headers", "authorization")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", PORTAL_ORIGIN)
                .expectHeader().value("Access-Control-Allow-Headers", headers -> assertThat(headers.toLowerCase())
                        .contains("authorization"));
    }

    @Test
    void anyOtherOriginIsRefused() {
        from(newAddress()).options().uri("/api/referrals")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", HttpMethod.GET.name())
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
    }
}
