package com.rapport.gateway.auth;

import com.rapport.gateway.GatewayApplication;
import com.rapport.gateway.ProductionLikeGatewayTest;
import com.rapport.gateway.auth.user.Passwords;
import com.rapport.gateway.auth.user.UserAccount;
import com.rapport.gateway.auth.user.UserAccounts;
import com.rapport.support.security.Role;
import com.rapport.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The development passwords are published: outside the local profile they open nothing. */
class DevelopmentPasswordsTest extends ProductionLikeGatewayTest {

    @Autowired
    UserAccounts accounts;
    @Autowired
    Passwords passwords;

    @Test
    void theGatewayRefusesToStartWithADevelopmentPasswordOutsideTheLocalProfile() {
        SpringApplicationBuilder gateway = new SpringApplicationBuilder(GatewayApplication.class)
                .profiles("production")
                .properties(
                        "server.port=0",
                        "spring.data.mongodb.uri=" + TestInfrastructure.shared().mongo().uri("refused-start"),
                        "rapport.users.initial[0].username=admin",
                        "rapport.users.initial[0].password=admin-dev-password",
                        "rapport.users.initial[0].roles[0]=ADMIN");

        assertThatThrownBy(gateway::run)
                .rootCause()
                .hasMessageContaining("Refusing to start")
                .hasMessageContaining("[admin]")
                .hasMessageContaining("development password");
    }

    @Test
    void withoutTheLocalProfileThereAreNoDevelopmentUsers() {
        signIn("admin", "admin-dev-password").expectStatus().isUnauthorized();
        signIn("ops", "ops-dev-password").expectStatus().isUnauthorized();
    }

    @Test
    void aDevelopmentPasswordCarriedOverInTheDatabaseDoesNotSignIn() {
        String username = store("carried-over", "ops-dev-password", Role.OPS);

        signIn(username, "ops-dev-password").expectStatus().isUnauthorized();
    }

    @Test
    void noNewLoginMayHaveADevelopmentPassword() {
        String admin = store("real-admin", "a-real-admin-password", Role.ADMIN);
        String token = signIn(admin, "a-real-admin-password").expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("accessToken").toString();

        web.post().uri("/auth/users").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "copycat-" + UUID.randomUUID().toString().substring(0, 8),
                        "password", "finance-dev-password", "roles", List.of("FINANCE")))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
    }

    private String store(String prefix, String password, Role role) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        UserAccount account = new UserAccount(username, passwords.hash(password).block(), Set.of(role), null,
                Instant.now(), "test");
        assertThat(accounts.insert(account).block()).isNotNull();
        return username;
    }

    private WebTestClient.ResponseSpec signIn(String username, String password) {
        return web.post().uri("/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange();
    }
}
