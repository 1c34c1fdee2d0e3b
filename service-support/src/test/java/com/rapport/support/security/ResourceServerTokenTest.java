package com.rapport.support.security;

import com.nimbusds.jwt.JWTClaimsSet;
import com.rapport.support.SecuredWebService;
import com.rapport.support.problem.ProblemConfiguration;
import com.rapport.testsupport.TestTokens;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's token check, through its production configuration (service-support's defaults, the key set served
 * over HTTP by TestTokens): issue 10 #10 — tokens without {@code exp}, or meant for another audience, used to pass.
 */
@SpringBootTest(classes = ResourceServerTokenTest.Service.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResourceServerTokenTest {

    private static final TestTokens TOKENS = TestTokens.shared();

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TOKENS.register(registry);
    }

    @Test
    void aTokenForRapportWithAnExpiryIsAccepted() {
        web.get().uri("/whoami").headers(h -> h.setBearerAuth(TOKENS.ops())).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("ops");
    }

    @Nested
    class Refused {

        @Test
        void aTokenWithoutAnExpiry() {
            assertUnauthenticated(TOKENS.sign(claims().expirationTime(null).build()));
        }

        @Test
        void aTokenForAnotherAudience() {
            assertUnauthenticated(TOKENS.sign(claims().audience("some-other-application").build()));
        }

        @Test
        void aTokenWithoutAnAudience() {
            assertUnauthenticated(TOKENS.sign(claims().audience((String) null).build()));
        }

        @Test
        void anExpiredToken() {
            assertUnauthenticated(TOKENS.sign(claims()
                    .issueTime(Date.from(Instant.now().minusSeconds(7200)))
                    .expirationTime(Date.from(Instant.now().minusSeconds(3600))).build()));
        }

        @Test
        void aTokenOfAnotherIssuer() {
            assertUnauthenticated(TOKENS.sign(claims().issuer("https://elsewhere.example").build()));
        }

        private JWTClaimsSet.Builder claims() {
            return TOKENS.claims("ops", List.of("OPS"), null);
        }

        private void assertUnauthenticated(String token) {
            web.get().uri("/whoami").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.type").value(type -> assertThat((String) type)
                            .endsWith("/problems/unauthenticated"));
        }
    }

    @Nested
    class Startup {

        @Test
        void aServiceWithoutAnAudienceRefusesToStart() {
            new ReactiveWebApplicationContextRunner()
                    .withConfiguration(org.springframework.boot.autoconfigure.AutoConfigurations.of(
                            JacksonAutoConfiguration.class, ProblemConfiguration.class,
                            ResourceServerSecurityConfiguration.class,
                            ReactiveOAuth2ResourceServerAutoConfiguration.class))
                    .withPropertyValues(
                            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TOKENS.jwkSetUri(),
                            "spring.security.oauth2.resourceserver.jwt.audiences=")
                    .run(context -> assertThat(context).hasFailed()
                            .getFailure().rootCause().hasMessageContaining("audiences"));
        }
    }

    @SecuredWebService
    @Import(Service.WhoAmI.class)
    static class Service {

        @RestController
        static class WhoAmI {

            @GetMapping("/whoami")
            String whoAmI(Caller caller) {
                return caller.username();
            }
        }
    }
}
