package com.rapport.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.rapport.testsupport.CloudEventTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The steps the journeys share: users, partners, referrals, and reading a topic like any Kafka client. */
final class Journeys {

    final LocalStack stack = RunningStack.get();
    final Api api = new Api(stack.gatewayUrl());
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String admin = api.login("admin", "admin-dev-password");
    final String ops = api.login("ops", "ops-dev-password");
    final String finance = api.login("finance", "finance-dev-password");

    record Partner(String id, String email, String token) {
    }

    private String secondFinance;

    /** A second FINANCE user: a payout batch or an adjustment needs another pair of eyes than its creator's. */
    synchronized String secondFinance() {
        if (secondFinance == null) {
            String username = "finance-b-" + run;
            Api.Response created = api.post("/auth/users", admin, Map.of("username", username,
                    "password", "pw-" + username + "-secret", "roles", List.of("FINANCE")));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            secondFinance = api.login(username, "pw-" + username + "-secret");
        }
        return secondFinance;
    }

    /** A tax profile with self-billing accepted, as a partner needs before it is paid (COMMISSIONS.md). */
    void acceptsSelfBilling(Partner partner, String country) {
        Api.Response saved = api.put("/api/tax-profiles/" + partner.id(), partner.token(), Map.of(
                "legalName", "Partner " + partner.id(), "address", Map.of("line1", "1 Main Street", "city", "Lyon",
                        "postalCode", "69001", "country", country),
                "vatRegistered", false, "selfBillingAccepted", true));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    }

    Partner partner(String label) {
        return partner(label, "en", null);
    }

    Partner partner(String label, String language, String parentPartnerId) {
        String email = label + "-" + run + "@partners.example";
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "Partner " + label + " " + run,
                "email", email, "language", language));
        if (parentPartnerId != null) {
            body.put("parentPartnerId", parentPartnerId);
        }
        Api.Response created = api.post("/api/partners", ops, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("partnerId").asText();
        String username = label + "-" + run;
        String password = "pw-" + username + "-secret";
        Api.Response login = api.post("/auth/users", admin, Map.of("username", username, "password", password,
                "roles", List.of("PARTNER"), "partnerId", id));
        assertThat(login.status()).as(login.toString()).isEqualTo(201);
        return new Partner(id, email, api.login(username, password));
    }

    static Map<String, Object> referralBody(String company, String contactEmail) {
        return Map.of("client", Map.of("company", company, "contactName", "Li Wei", "contactEmail", contactEmail),
                "description", "Mini-program for a retail chain",
                "estimatedValue", money("80000", "CNY"));
    }

    String submit(Partner partner, String company) {
        Api.Response submitted = api.post("/api/referrals", partner.token(),
                referralBody(company, "contact-" + UUID.randomUUID() + "@client.example"));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        return submitted.json().path("referralId").asText();
    }

    JsonNode act(String referral, String action, Object body) {
        Api.Response response = api.post("/api/referrals/" + referral + "/" + action, ops, body);
        assertThat(response.status()).as(action + " " + response).isBetween(200, 201);
        return response.json();
    }

    static Map<String, Object> money(String amount, String currency) {
        return Map.of("amount", amount, "currency", currency);
    }

    static Map<String, Object> payment(String id, String amount, String currency, String kind, String receivedAt) {
        return Map.of("paymentId", id, "amount", money(amount, currency), "kind", kind, "receivedAt", receivedAt);
    }

    static Map<String, Object> contract(String amount, String currency) {
        return Map.of("contractValue", money(amount, currency), "signedAt", "2026-11-02T09:00:00Z");
    }

    /** Every record of the topic whose key matches, in the order of its partition, waiting for {@code expected}. */
    List<ConsumerRecord<String, byte[]>> records(String topic, Predicate<String> key, int expected) {
        return CloudEventTopics.at(stack.options().kafkaBootstrapServers())
                .readKeys(topic, key, expected, Duration.ofSeconds(60));
    }

    /** Every message the stack's SMTP server received for the address. */
    List<jakarta.mail.internet.MimeMessage> mailTo(String address) {
        return stack.smtp().receivedMessages().stream().filter(message -> {
            try {
                jakarta.mail.Address[] to = message.getRecipients(jakarta.mail.Message.RecipientType.TO);
                return to != null && java.util.Arrays.stream(to).anyMatch(a -> a.toString().contains(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    static JsonNode json(byte[] utf8) {
        return json(new String(utf8, java.nio.charset.StandardCharsets.UTF_8));
    }

    static JsonNode json(String text) {
        try {
            return Api.JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(text, e);
        }
    }

    static List<String> types(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> json(r.value()).path("type").asText()).toList();
    }
}
