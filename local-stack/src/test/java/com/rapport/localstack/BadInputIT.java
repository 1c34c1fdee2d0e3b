package com.rapport.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3's bad-input table, sent through the gateway: every request must get the right RFC 9457 problem, and after
 * all of them nothing has changed.
 */
class BadInputIT {

    /** One row: who sends what, and the status and problem slug(s) that must come back. */
    record Case(String name, String method, String path, String who, String contentType, String body, int status,
                Set<String> slugs) {
    }

    private static final String JSON = "application/json";
    private static final Set<String> MALFORMED = Set.of("malformed-request");
    private static final Set<String> INVALID = Set.of("validation-failed");
    private static final Set<String> READ_OR_INVALID = Set.of("malformed-request", "validation-failed",
            "invalid-money");
    private static final Set<String> MONEY = Set.of("invalid-money", "validation-failed");

    private final Journeys journeys = new Journeys();

    @TestFactory
    Stream<DynamicNode> everyBadRequestIsAnsweredWithAProblemAndChangesNothing() {
        Journeys.Partner owner = journeys.partner("owner");
        Journeys.Partner stranger = journeys.partner("stranger");
        String referral = journeys.submit(owner, "Bad Input Ltd " + journeys.run);
        Map<String, String> tokens = Map.of("ops", journeys.ops, "finance", journeys.finance, "admin", journeys.admin,
                "owner", owner.token(), "stranger", stranger.token(), "nobody", "", "forged", forgedToken());

        Snapshot before = snapshot(referral, owner);
        List<DynamicNode> tests = new ArrayList<>();
        for (Case row : table(referral, owner)) {
            tests.add(DynamicTest.dynamicTest(row.name(), () -> {
                String token = tokens.get(row.who());
                Api.Response response = journeys.api.send(row.method(), row.path(),
                        token == null || token.isEmpty() ? null : token, row.body(), row.contentType(), Map.of());
                assertThat(response.status()).as(row.name() + ": " + response).isEqualTo(row.status());
                assertThat(response.contentType()).as(row.name()).startsWith("application/problem+json");
                assertThat(response.json().path("type").asText()).as(row.name())
                        .startsWith("https://").contains("/problems/");
                assertThat(row.slugs()).as(row.name() + ": " + response).contains(response.problemSlug());
                assertThat(response.json().path("status").asInt()).isEqualTo(row.status());
                assertThat(response.json().path("title").asText()).isNotBlank();
            }));
        }
        tests.add(DynamicTest.dynamicTest("nothing changed", () -> {
            Snapshot after = snapshot(referral, owner);
            assertThat(after).isEqualTo(before);
        }));
        return tests.stream();
    }

    record Snapshot(int partners, int referrals, String referral) {
    }

    private Snapshot snapshot(String referral, Journeys.Partner owner) {
        Api api = journeys.api;
        int partners = api.get("/api/partners?size=1", journeys.ops).json().path("total").asInt();
        int referrals = api.get("/api/referrals?size=1", journeys.ops).json().path("total").asInt();
        JsonNode view = api.get("/api/referrals/" + referral, owner.token()).json();
        return new Snapshot(partners, referrals, view.toString());
    }

    private static String forgedToken() {
        return "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGVzIjpbIkFETUlOIl19.";
    }

    private static String big(int bytes) {
        return "{\"name\":\"" + "x".repeat(bytes) + "\",\"email\":\"big@example.com\",\"language\":\"en\"}";
    }

    private static String text(int length) {
        return "y".repeat(length);
    }

    private List<Case> table(String r, Journeys.Partner owner) {
        String p = "/api/partners";
        String refs = "/api/referrals";
        String one = refs + "/" + r;
        String client = "{\"company\":\"C %s\",\"contactName\":\"N\",\"contactEmail\":\"c-%s@x.example\"}"
                .formatted(journeys.run, journeys.run);
        String description = "\"description\":\"d\"";
        String eur = "{\"amount\":\"100.00\",\"currency\":\"EUR\"}";
        String at = "\"2026-11-20T10:00:00Z\"";
        List<Case> rows = new ArrayList<>(List.of(
                // malformed JSON
                new Case("partner: broken JSON", "POST", p, "ops", JSON, "{", 400, MALFORMED),
                new Case("referral: truncated JSON", "POST", refs, "owner", JSON, "{\"client\":", 400, MALFORMED),
                new Case("reject: not JSON", "POST", one + "/reject", "ops", JSON, "not json", 400, MALFORMED),
                new Case("quote: broken array", "POST", one + "/quote", "ops", JSON, "[1,2", 400, MALFORMED),
                new Case("contract: stray comma", "POST", one + "/contract", "ops", JSON, "{,}", 400, MALFORMED),
                new Case("payment: broken JSON", "POST", one + "/payments", "ops", JSON, "{", 400, MALFORMED),
                new Case("refund: broken JSON", "POST", one + "/refunds", "ops", JSON, "{", 400, MALFORMED),
                new Case("milestone: broken JSON", "POST", one + "/milestones", "ops", JSON, "{", 400, MALFORMED),
                new Case("lose: broken JSON", "POST", one + "/lose", "ops", JSON, "{", 400, MALFORMED),
                new Case("reassign: broken JSON", "POST", one + "/reassign", "ops", JSON, "{", 400, MALFORMED),
                new Case("login: broken JSON", "POST", "/auth/token", "nobody", JSON, "{", 400, MALFORMED),
                new Case("new user: broken JSON", "POST", "/auth/users", "admin", JSON, "{", 400, MALFORMED),
                // wrong types
                new Case("partner: name is an object", "POST", p, "ops", JSON,
                        "{\"name\":{\"x\":1},\"email\":\"t@x.example\",\"language\":\"en\"}", 400, READ_OR_INVALID),
                new Case("partner: unknown language", "POST", p, "ops", JSON,
                        "{\"name\":\"N\",\"email\":\"t@x.example\",\"language\":\"de\"}", 400, READ_OR_INVALID),
                new Case("partner: email is a list", "POST", p, "ops", JSON,
                        "{\"name\":\"N\",\"email\":[\"t@x.example\"],\"language\":\"en\"}", 400, READ_OR_INVALID),
                new Case("referral: client is a string", "POST", refs, "owner", JSON,
                        "{\"client\":\"Acme\"," + description + "}", 400, READ_OR_INVALID),
                new Case("referral: estimate is a word", "POST", refs, "owner", JSON,
                        "{\"client\":" + client + "," + description + ",\"estimatedValue\":\"lots\"}", 400,
                        READ_OR_INVALID),
                new Case("payment: unknown kind", "POST", one + "/payments", "ops", JSON,
                        "{\"paymentId\":\"x\",\"amount\":" + eur + ",\"kind\":\"CASH\",\"receivedAt\":" + at + "}",
                        400, READ_OR_INVALID),
                new Case("payment: date is a word", "POST", one + "/payments", "ops", JSON,
                        "{\"paymentId\":\"x\",\"amount\":" + eur + ",\"kind\":\"FINAL\",\"receivedAt\":\"yesterday\"}",
                        400, READ_OR_INVALID),
                new Case("contract: impossible date", "POST", one + "/contract", "ops", JSON,
                        "{\"contractValue\":" + eur + ",\"signedAt\":\"2026-13-45T00:00:00Z\"}", 400, READ_OR_INVALID),
                new Case("quote: amount is an array", "POST", one + "/quote", "ops", JSON,
                        "{\"amount\":[1]}", 400, READ_OR_INVALID),
                new Case("reject: reason is an object", "POST", one + "/reject", "ops", JSON,
                        "{\"reason\":{}}", 400, READ_OR_INVALID),
                // missing fields
                new Case("partner: no name", "POST", p, "ops", JSON,
                        "{\"email\":\"t@x.example\",\"language\":\"en\"}", 400, INVALID),
                new Case("partner: no email", "POST", p, "ops", JSON, "{\"name\":\"N\",\"language\":\"en\"}", 400,
                        INVALID),
                new Case("partner: no language", "POST", p, "ops", JSON,
                        "{\"name\":\"N\",\"email\":\"t@x.example\"}", 400, INVALID),
                new Case("partner: email is not an address", "POST", p, "ops", JSON,
                        "{\"name\":\"N\",\"email\":\"not-an-address\",\"language\":\"en\"}", 400, INVALID),
                new Case("referral: no client", "POST", refs, "owner", JSON, "{" + description + "}", 400, INVALID),
                new Case("referral: client without company", "POST", refs, "owner", JSON,
                        "{\"client\":{\"contactName\":\"N\",\"contactEmail\":\"c@x.example\"}," + description + "}",
                        400, INVALID),
                new Case("referral: client without email", "POST", refs, "owner", JSON,
                        "{\"client\":{\"company\":\"C\",\"contactName\":\"N\"}," + description + "}", 400, INVALID),
                new Case("referral: no description", "POST", refs, "owner", JSON, "{\"client\":" + client + "}",
                        400, INVALID),
                new Case("reject: no reason", "POST", one + "/reject", "ops", JSON, "{}", 400, INVALID),
                new Case("quote: no amount", "POST", one + "/quote", "ops", JSON, "{}", 400, INVALID),
                new Case("contract: no value", "POST", one + "/contract", "ops", JSON, "{\"signedAt\":" + at + "}",
                        400, INVALID),
                new Case("contract: no date", "POST", one + "/contract", "ops", JSON,
                        "{\"contractValue\":" + eur + "}", 400, INVALID),
                new Case("payment: no id", "POST", one + "/payments", "ops", JSON,
                        "{\"amount\":" + eur + ",\"kind\":\"FINAL\",\"receivedAt\":" + at + "}", 400, INVALID),
                new Case("payment: no amount", "POST", one + "/payments", "ops", JSON,
                        "{\"paymentId\":\"x\",\"kind\":\"FINAL\",\"receivedAt\":" + at + "}", 400, INVALID),
                new Case("refund: no id", "POST", one + "/refunds", "ops", JSON,
                        "{\"amount\":" + eur + ",\"reason\":\"r\",\"issuedAt\":" + at + "}", 400, INVALID),
                new Case("milestone: no name", "POST", one + "/milestones", "ops", JSON, "{\"note\":\"n\"}", 400,
                        INVALID),
                new Case("lose: no reason", "POST", one + "/lose", "ops", JSON, "{}", 400, INVALID),
                new Case("reassign: no partner", "POST", one + "/reassign", "ops", JSON, "{\"reason\":\"r\"}", 400,
                        INVALID),
                new Case("new user: short password", "POST", "/auth/users", "admin", JSON,
                        "{\"username\":\"short-" + journeys.run + "\",\"password\":\"1234567\",\"roles\":[\"OPS\"]}",
                        400, INVALID),
                // over-long fields
                new Case("partner: name of 201 characters", "POST", p, "ops", JSON,
                        "{\"name\":\"" + text(201) + "\",\"email\":\"t@x.example\",\"language\":\"en\"}", 400, INVALID),
                new Case("referral: description of 5,001 characters", "POST", refs, "owner", JSON,
                        "{\"client\":" + client + ",\"description\":\"" + text(5001) + "\"}", 400, INVALID),
                new Case("referral: company of 201 characters", "POST", refs, "owner", JSON,
                        "{\"client\":{\"company\":\"" + text(201) + "\",\"contactName\":\"N\",\"contactEmail\":"
                                + "\"c@x.example\"}," + description + "}", 400, INVALID),
                new Case("referral: contact name of 201 characters", "POST", refs, "owner", JSON,
                        "{\"client\":{\"company\":\"C\",\"contactName\":\"" + text(201) + "\",\"contactEmail\":"
                                + "\"c@x.example\"}," + description + "}", 400, INVALID),
                new Case("milestone: name of 201 characters", "POST", one + "/milestones", "ops", JSON,
                        "{\"name\":\"" + text(201) + "\"}", 400, INVALID),
                // bad money
                new Case("referral: 3 decimals in EUR", "POST", refs, "owner", JSON, "{\"client\":" + client + ","
                        + description + ",\"estimatedValue\":{\"amount\":\"10.001\",\"currency\":\"EUR\"}}", 400,
                        MONEY),
                new Case("referral: unknown currency", "POST", refs, "owner", JSON, "{\"client\":" + client + ","
                        + description + ",\"estimatedValue\":{\"amount\":\"10\",\"currency\":\"EUX\"}}", 400, MONEY),
                new Case("quote: zero", "POST", one + "/quote", "ops", JSON,
                        "{\"amount\":{\"amount\":\"0\",\"currency\":\"EUR\"}}", 400, MONEY),
                new Case("quote: negative", "POST", one + "/quote", "ops", JSON,
                        "{\"amount\":{\"amount\":\"-5\",\"currency\":\"EUR\"}}", 400, MONEY),
                new Case("contract: half a yen", "POST", one + "/contract", "ops", JSON,
                        "{\"contractValue\":{\"amount\":\"1.5\",\"currency\":\"JPY\"},\"signedAt\":" + at + "}", 400,
                        MONEY),
                new Case("payment: amount without currency", "POST", one + "/payments", "ops", JSON,
                        "{\"paymentId\":\"x\",\"amount\":{\"amount\":\"5\"},\"kind\":\"FINAL\",\"receivedAt\":" + at
                                + "}", 400, MONEY),
                // wrong content type
                new Case("partner as plain text", "POST", p, "ops", "text/plain", "name=x", 415,
                        Set.of("unsupported-media-type")),
                new Case("referral as XML", "POST", refs, "owner", "application/xml", "<referral/>", 415,
                        Set.of("unsupported-media-type")),
                new Case("reject as form", "POST", one + "/reject", "ops", "application/x-www-form-urlencoded",
                        "reason=x", 415, Set.of("unsupported-media-type")),
                new Case("login as plain text", "POST", "/auth/token", "nobody", "text/plain", "admin", 415,
                        Set.of("unsupported-media-type")),
                // too large
                new Case("referral over 64 KiB", "POST", refs, "owner", JSON, big(70 * 1024), 413,
                        Set.of("payload-too-large")),
                new Case("partner over 64 KiB", "POST", p, "ops", JSON, big(66 * 1024), 413,
                        Set.of("payload-too-large")),
                // unknown ids
                new Case("unknown referral", "GET", refs + "/no-such-referral", "ops", null, null, 404,
                        Set.of("not-found")),
                new Case("qualify unknown referral", "POST", refs + "/no-such-referral/qualify", "ops", null, null,
                        404, Set.of("not-found")),
                new Case("unknown partner", "GET", p + "/no-such-partner", "ops", null, null, 404,
                        Set.of("not-found")),
                new Case("unknown route", "GET", "/api/no-such-thing", "ops", null, null, 404, Set.of("not-found")),
                // who may not
                new Case("partner registers a partner", "POST", p, "owner", JSON,
                        "{\"name\":\"N\",\"email\":\"t@x.example\",\"language\":\"en\"}", 403, Set.of("forbidden")),
                new Case("finance registers a partner", "POST", p, "finance", JSON,
                        "{\"name\":\"N\",\"email\":\"t@x.example\",\"language\":\"en\"}", 403, Set.of("forbidden")),
                new Case("partner qualifies", "POST", one + "/qualify", "owner", null, null, 403,
                        Set.of("forbidden")),
                new Case("finance qualifies", "POST", one + "/qualify", "finance", null, null, 403,
                        Set.of("forbidden")),
                new Case("partner records a payment", "POST", one + "/payments", "owner", JSON,
                        "{\"paymentId\":\"x\",\"amount\":" + eur + ",\"kind\":\"FINAL\",\"receivedAt\":" + at + "}",
                        403, Set.of("forbidden")),
                new Case("partner lists partners", "GET", p, "owner", null, null, 403, Set.of("forbidden")),
                new Case("partner creates a user", "POST", "/auth/users", "owner", JSON,
                        "{\"username\":\"u-" + journeys.run + "\",\"password\":\"long-enough\",\"roles\":[\"OPS\"]}",
                        403, Set.of("forbidden")),
                new Case("another partner's referral", "GET", one, "stranger", null, null, 404, Set.of("not-found")),
                new Case("another partner's partner record", "GET", p + "/" + owner.id(), "stranger", null, null,
                        404, Set.of("not-found")),
                new Case("no token", "GET", refs, "nobody", null, null, 401, Set.of("unauthenticated")),
                new Case("unsigned token", "GET", refs, "forged", null, null, 401, Set.of("unauthenticated")),
                // not in this status
                new Case("deliver a submitted referral", "POST", one + "/deliver", "ops", null, null, 409,
                        Set.of("illegal-transition")),
                new Case("complete a submitted referral", "POST", one + "/complete", "ops", null, null, 409,
                        Set.of("illegal-transition")),
                new Case("payment before the contract", "POST", one + "/payments", "ops", JSON,
                        "{\"paymentId\":\"x\",\"amount\":" + eur + ",\"kind\":\"FINAL\",\"receivedAt\":" + at + "}",
                        409, Set.of("illegal-transition")),
                new Case("milestone before the contract", "POST", one + "/milestones", "ops", JSON,
                        "{\"name\":\"early\"}", 409, Set.of("illegal-transition"))));
        assertThat(rows.size()).isGreaterThanOrEqualTo(60);
        return rows;
    }
}
