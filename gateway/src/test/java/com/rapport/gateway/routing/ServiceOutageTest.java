package com.rapport.gateway.routing;

import com.rapport.gateway.ProductionLikeGatewayTest;
import com.rapport.gateway.auth.user.UserAccount;
import com.rapport.gateway.auth.user.UserAccounts;
import com.rapport.gateway.auth.user.Passwords;
import com.rapport.support.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

class ServiceOutageTest extends ProductionLikeGatewayTest {

    @Autowired
    UserAccounts accounts;
    @Autowired
    Passwords passwords;

    @Test
    void aServiceThatIsDownIsA503ProblemWhileTheOthersStillAnswer() {
        String token = tokenOfNewFinanceUser();

        web.get().uri("/api/commissions/summary?partnerId=p-1").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(problem("service-unavailable"))
                .jsonPath("$.instance").isEqualTo("/api/commissions/summary");
        web.get().uri("/api/referrals").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk();
    }

    private String tokenOfNewFinanceUser() {
        String username = "finance-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.insert(new UserAccount(username, passwords.hash("a-real-password").block(), Set.of(Role.FINANCE),
                null, Instant.now(), "test")).block();
        return web.post().uri("/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", "a-real-password"))
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("accessToken").toString();
    }
}
