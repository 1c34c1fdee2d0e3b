package com.rapport.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import com.rapport.gateway.GatewayIntegrationTest;
import com.rapport.gateway.RecordingService;
import com.rapport.gateway.auth.account.AccountMail;
import com.rapport.testsupport.MovableClock;
import com.rapport.testsupport.TestInfrastructure;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API.md "Accounts — gateway": invitations and password resets, end to end through HTTP, real MongoDB and a real
 * SMTP server (GreenMail from TestInfrastructure). The gateway's clock is a MovableClock, so a link can be made to
 * expire.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "rapport.accounts.link-base-url=https://portal.rapport.test/")
@ActiveProfiles("local")
@Import(AccountLinksTest.Clocks.class)
class AccountLinksTest {

    static final RecordingService REFERRAL = RecordingService.start("referral");
    static final MovableClock CLOCK = new MovableClock(Instant.now());
    private static final Pattern INVITATION_LINK =
            Pattern.compile("https://portal\\.rapport\\.test/#/invitations/([A-Za-z0-9_-]+)");
    private static final Pattern RESET_LINK =
            Pattern.compile("https://portal\\.rapport\\.test/#/password-resets/([A-Za-z0-9_-]+)");

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.shared().register(registry, "rapport-gateway-accounts-it");
        registry.add("rapport.services.referral-uri", () -> REFERRAL.uri().toString());
        registry.add("rapport.services.commission-uri", () -> REFERRAL.uri().toString());
        registry.add("rapport.services.notification-uri", () -> REFERRAL.uri().toString());
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }
    }

    @Nested
    class Invitations {

        @Test
        void opsInvitesAndTheInviteeBecomesALoginOfThatPartnerWithTheLinkWorkingOnce() throws Exception {
            String partnerId = partner("fr");
            String invitee = address("invitee");

            JsonNode invitation = invite(ops(), partnerId, invitee).expectStatus().isCreated()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(invitation.path("partnerId").asText()).isEqualTo(partnerId);
            assertThat(invitation.path("email").asText()).isEqualTo(invitee);
            assertThat(invitation.toString()).doesNotContain("token").doesNotContain("#/invitations");

            MimeMessage mail = mailTo(invitee);
            assertThat(mail.getSubject()).isEqualTo("Votre invitation au portail partenaires Rapport");
            assertThat(mail.getHeader("Content-Language", null)).isEqualTo("fr");
            assertThat(text(mail)).contains("pendant 72 heures");
            String token = link(mail, INVITATION_LINK);

            String username = unique("invited");
            JsonNode login = accept(token, username, "invited-password-1").expectStatus().isCreated()
                    .expectHeader().location("/auth/users/" + username)
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(login.path("roles").toString()).isEqualTo("[\"PARTNER\"]");
            assertThat(login.path("partnerId").asText()).isEqualTo(partnerId);

            String accessToken = tokens(username, "invited-password-1").path("accessToken").asText();
            assertThat(SignedJWT.parse(accessToken).getJWTClaimsSet().getStringClaim("partnerId"))
                    .isEqualTo(partnerId);

            accept(token, unique("second"), "invited-password-2")
                    .expectStatus().isEqualTo(410)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo(problem("link-gone"));
        }

        @ParameterizedTest
        @CsvSource({"en, Your invitation to the Rapport partner portal, for 72 hours",
                "zh, Rapport 合作伙伴门户邀请, 有效期为 72 小时"})
        void theEmailIsInThePartnersLanguage(String language, String subject, String validity) throws Exception {
            String invitee = address("lang");
            invite(admin(), partner(language), invitee).expectStatus().isCreated();

            MimeMessage mail = mailTo(invitee);
            assertThat(mail.getSubject()).isEqualTo(subject);
            assertThat(text(mail)).contains(validity);
            assertThat(mail.getHeader(AccountMail.KIND_HEADER, null)).isEqualTo("invitation");
        }

        @Test
        void anInvitationWorksForSeventyTwoHoursAndNotASecondLonger() throws Exception {
            String stillValid = address("valid");
            String tooLate = address("late");
            String partnerId = partner("en");
            invite(ops(), partnerId, stillValid).expectStatus().isCreated();
            invite(ops(), partnerId, tooLate).expectStatus().isCreated();
            String validToken = link(mailTo(stillValid), INVITATION_LINK);
            String lateToken = link(mailTo(tooLate), INVITATION_LINK);

            CLOCK.advance(Duration.ofHours(72).minusSeconds(1));
            accept(validToken, unique("in-time"), "invited-password-1").expectStatus().isCreated();

            CLOCK.advance(Duration.ofSeconds(2));
            accept(lateToken, unique("too-late"), "invited-password-1")
                    .expectStatus().isEqualTo(410)
                    .expectBody().jsonPath("$.type").isEqualTo(problem("link-gone"));
        }

        @Test
        void aRefusedAcceptanceLeavesTheLinkUsable() throws Exception {
            String invitee = address("retry");
            invite(ops(), partner("en"), invitee).expectStatus().isCreated();
            String token = link(mailTo(invitee), INVITATION_LINK);

            accept(token, "ops", "invited-password-1").expectStatus().isEqualTo(409);
            accept(token, unique("ok"), "short").expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
            accept(token, unique("ok"), "invited-password-1").expectStatus().isCreated();
        }

        @Test
        void aLinkNobodyWasGivenIsGone() {
            accept("made-up-token", unique("guess"), "invited-password-1").expectStatus().isEqualTo(410);
            accept("x".repeat(500), unique("guess"), "invited-password-1").expectStatus().isEqualTo(410);
        }

        @Test
        void onlyOpsAndAdminInviteAndOnlyToAPartnerThatExists() {
            String partnerId = partner("en");
            String finance = accessToken("finance", "finance-dev-password");

            invite(finance, partnerId, address("x")).expectStatus().isForbidden()
                    .expectBody().jsonPath("$.type").isEqualTo(problem("forbidden"));
            web.post().uri("/auth/invitations").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("partnerId", partnerId, "email", address("x"))).exchange()
                    .expectStatus().isUnauthorized();
            invite(ops(), UUID.randomUUID().toString(), address("x")).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("partnerId");
            invite(ops(), partnerId, "not an address").expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("email");
        }
    }

    @Nested
    class PasswordResets {

        @Test
        void aPartnerSetsANewPasswordOnceAndItsOldSessionsEnd() throws Exception {
            String partnerEmail = address("reset");
            String username = partnerLogin(partner("zh", partnerEmail), "old-password-1");
            String oldRefreshToken = tokens(username, "old-password-1").path("refreshToken").asText();

            requestReset(partnerEmail.toUpperCase()).expectStatus().isAccepted().expectBody().isEmpty();

            MimeMessage mail = mailTo(partnerEmail);
            assertThat(mail.getSubject()).isEqualTo("重置您的 Rapport 密码");
            assertThat(mail.getHeader("Content-Language", null)).isEqualTo("zh");
            assertThat(text(mail)).contains(username).contains("60 分钟");
            String token = link(mail, RESET_LINK);

            reset(token, "new-password-1").expectStatus().isNoContent();

            signIn(username, "old-password-1").expectStatus().isUnauthorized();
            signIn(username, "new-password-1").expectStatus().isOk();
            web.post().uri("/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("refreshToken", oldRefreshToken)).exchange()
                    .expectStatus().isUnauthorized();
            reset(token, "newer-password-2").expectStatus().isEqualTo(410)
                    .expectBody().jsonPath("$.type").isEqualTo(problem("link-gone"));
            signIn(username, "new-password-1").expectStatus().isOk();
        }

        @Test
        void anAddressNobodyHasIsAnsweredTheSameAndGetsNoMail() throws Exception {
            String known = address("known");
            partnerLogin(partner("en", known), "some-password-1");
            String unknown = address("unknown");

            byte[] toKnown = requestReset(known).expectStatus().isAccepted().expectBody().returnResult()
                    .getResponseBodyContent();
            byte[] toUnknown = requestReset(unknown).expectStatus().isAccepted().expectBody().returnResult()
                    .getResponseBodyContent();

            assertThat(toUnknown).isEqualTo(toKnown);
            mailTo(known);
            Thread.sleep(500);
            assertThat(mailsTo(unknown)).isEmpty();
        }

        @Test
        void aResetLinkWorksForAnHourOnly() throws Exception {
            String partnerEmail = address("slow");
            String username = partnerLogin(partner("en", partnerEmail), "old-password-1");
            requestReset(partnerEmail).expectStatus().isAccepted();
            MimeMessage mail = mailTo(partnerEmail);
            assertThat(mail.getSubject()).isEqualTo("Reset your Rapport password");
            String token = link(mail, RESET_LINK);

            CLOCK.advance(Duration.ofHours(1).plusSeconds(1));

            reset(token, "new-password-1").expectStatus().isEqualTo(410);
            signIn(username, "old-password-1").expectStatus().isOk();
        }

        @Test
        void aRefusedNewPasswordLeavesTheLinkUsable() throws Exception {
            String partnerEmail = address("weak");
            String username = partnerLogin(partner("fr", partnerEmail), "old-password-1");
            requestReset(partnerEmail).expectStatus().isAccepted();
            String token = link(mailTo(partnerEmail), RESET_LINK);

            reset(token, "short").expectStatus().isBadRequest();
            reset(token, "p".repeat(73)).expectStatus().isBadRequest();
            reset(token, "new-password-1").expectStatus().isNoContent();
            signIn(username, "new-password-1").expectStatus().isOk();
        }

        @Test
        void aLinkNobodyWasGivenIsGone() {
            reset("made-up-token", "new-password-1").expectStatus().isEqualTo(410);
        }

        @Test
        void aPartnersNewAddressIsLearntWhenOneOfItsLoginsSignsIn() throws Exception {
            String before = address("before");
            String after = address("after");
            String partnerId = partner("en", before);
            String username = partnerLogin(partnerId, "some-password-1");
            REFERRAL.knowsPartner(partnerId, after, "fr");

            signIn(username, "some-password-1").expectStatus().isOk();
            Thread.sleep(500);
            requestReset(after).expectStatus().isAccepted();
            requestReset(before).expectStatus().isAccepted();

            assertThat(mailTo(after).getSubject()).isEqualTo("Réinitialisation de votre mot de passe Rapport");
            Thread.sleep(500);
            assertThat(mailsTo(before)).isEmpty();
        }
    }

    // --- helpers

    private WebTestClient.ResponseSpec invite(String token, String partnerId, String email) {
        return web.post().uri("/auth/invitations").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("partnerId", partnerId, "email", email))
                .exchange();
    }

    private WebTestClient.ResponseSpec accept(String token, String username, String password) {
        return web.post().uri("/auth/invitations/{token}/accept", token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange();
    }

    private WebTestClient.ResponseSpec requestReset(String email) {
        return web.post().uri("/auth/password-resets").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email))
                .exchange();
    }

    private WebTestClient.ResponseSpec reset(String token, String password) {
        return web.post().uri("/auth/password-resets/{token}", token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("password", password))
                .exchange();
    }

    private WebTestClient.ResponseSpec signIn(String username, String password) {
        return web.post().uri("/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange();
    }

    private JsonNode tokens(String username, String password) {
        return Objects.requireNonNull(signIn(username, password).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody());
    }

    private String accessToken(String username, String password) {
        return tokens(username, password).path("accessToken").asText();
    }

    private String admin() {
        return accessToken("admin", "admin-dev-password");
    }

    private String ops() {
        return accessToken("ops", "ops-dev-password");
    }

    private static String partner(String language) {
        return partner(language, address("partner"));
    }

    private static String partner(String language, String email) {
        String partnerId = UUID.randomUUID().toString();
        REFERRAL.knowsPartner(partnerId, email, language);
        return partnerId;
    }

    /** A PARTNER login made by ADMIN, as before invitations existed. */
    private String partnerLogin(String partnerId, String password) {
        String username = unique("partner");
        web.post().uri("/auth/users").headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password, "roles", List.of("PARTNER"),
                        "partnerId", partnerId))
                .exchange().expectStatus().isCreated();
        return username;
    }

    private static String address(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@partner.example";
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String problem(String slug) {
        return GatewayIntegrationTest.PROBLEM_BASE + slug;
    }

    private static List<MimeMessage> mailsTo(String address) {
        return TestInfrastructure.shared().smtp().receivedMessages().stream()
                .filter(message -> {
                    try {
                        return message.getRecipients(Message.RecipientType.TO)[0].toString()
                                .equalsIgnoreCase(address);
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    /** The one email to this address, waiting up to 10 s for it. */
    private static MimeMessage mailTo(String address) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<MimeMessage> received = mailsTo(address);
            if (!received.isEmpty()) {
                assertThat(received).as("exactly one email to " + address).hasSize(1);
                return received.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no email reached " + address);
    }

    private static String text(MimeMessage mail) throws MessagingException, IOException {
        return mail.getContent().toString();
    }

    private static String link(MimeMessage mail, Pattern pattern) throws MessagingException, IOException {
        Matcher matcher = pattern.matcher(text(mail));
        assertThat(matcher.find()).as("the email holds the link: " + text(mail)).isTrue();
        return Optional.of(matcher.group(1)).orElseThrow();
    }
}
