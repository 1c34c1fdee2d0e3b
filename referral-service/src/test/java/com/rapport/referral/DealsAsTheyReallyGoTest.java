package com.rapport.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.rapport.referral.support.Api;
import com.rapport.events.Topics;
import com.rapport.testsupport.CloudEventTopics;
import com.rapport.referral.support.ReferralServiceIntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import static com.rapport.referral.support.Api.assertProblem;
import static com.rapport.referral.support.Api.money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/** API.md "Deals as they really go", referral side, over HTTP, and what the relay then publishes. */
class DealsAsTheyReallyGoTest extends ReferralServiceIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    private MongoTemplate mongo;

    private JsonNode ops(String referral, String action, Object body, HttpStatus expected) {
        return api.post("/api/referrals/" + referral + "/" + action, tokens.ops(), body, expected);
    }

    private JsonNode view(String referral) {
        return api.get("/api/referrals/" + referral, tokens.ops(), HttpStatus.OK);
    }

    private String contracted(String partner, String value) {
        String referral = api.submitReferral(partner);
        ops(referral, "qualify", null, HttpStatus.OK);
        ops(referral, "contract", Map.of("contractValue", money(value, "EUR"), "signedAt", "2026-11-01T09:00:00Z"),
                HttpStatus.OK);
        return referral;
    }

    private static Map<String, Object> amendment(String id, String delta) {
        return Map.of("amendmentId", id, "delta", money(delta, "EUR"), "reason", "change order",
                "signedAt", "2026-12-01T09:00:00Z");
    }

    private static Map<String, Object> payment(String id, String amount) {
        return Map.of("paymentId", id, "amount", money(amount, "EUR"), "kind", "DEPOSIT",
                "receivedAt", "2026-11-20T09:00:00Z");
    }

    private static Map<String, Object> instalment(String name, String dueDate, String amount) {
        return Map.of("name", name, "dueDate", dueDate, "amount", money(amount, "EUR"));
    }

    private static Map<String, Object> share(String partnerId, String share) {
        return Map.of("partnerId", partnerId, "share", share);
    }

    @Nested
    class Amendments {

        @Test
        void aChangeOrderChangesTheContractValueOnceAndPaymentsMayReachTheNewValue() {
            String referral = contracted(api.registerPartner("Amended"), "10000.00");
            ops(referral, "payments", payment("dep", "4000.00"), HttpStatus.CREATED);

            JsonNode amended = ops(referral, "amendments", amendment("co-1", "2500.00"), HttpStatus.OK);
            assertThat(amended.get("contractValue")).isEqualTo(Api.json(money("12500.00", "EUR")));
            assertThat(amended.get("amendments")).hasSize(1);
            assertThat(amended.get("amendments").get(0).get("amendmentId").asText()).isEqualTo("co-1");
            assertThat(amended.get("amendments").get(0).get("delta")).isEqualTo(Api.json(money("2500.00", "EUR")));
            assertThat(amended.get("timeline")).extracting(entry -> entry.get("type").asText())
                    .contains("contract-amended");
            JsonNode change = amended.get("timeline").get(amended.get("timeline").size() - 1).get("details");
            assertThat(change.get("amount")).isEqualTo(Api.json(money("2500.00", "EUR")));
            assertThat(change.get("contractValue")).isEqualTo(Api.json(money("12500.00", "EUR")));
            assertThat(change.get("reference").asText()).isEqualTo("co-1");

            JsonNode repeated = ops(referral, "amendments", amendment("co-1", "2500.00"), HttpStatus.OK);
            assertThat(repeated.get("amendments")).hasSize(1);
            assertThat(repeated.get("contractValue")).isEqualTo(Api.json(money("12500.00", "EUR")));
            assertProblem(ops(referral, "amendments", amendment("co-1", "2600.00"), HttpStatus.CONFLICT), 409,
                    "amendment-id-reused");

            ops(referral, "payments", payment("fin", "8500.00"), HttpStatus.CREATED);
            assertProblem(ops(referral, "payments", payment("more", "0.01"), HttpStatus.CONFLICT), 409,
                    "payments-exceed-contract");
        }

        @Test
        void theNewValueMayNotFallBelowTheCashReceived() {
            String referral = contracted(api.registerPartner("Shrunk"), "10000.00");
            ops(referral, "payments", payment("dep", "4000.00"), HttpStatus.CREATED);
            assertProblem(ops(referral, "amendments", amendment("co-1", "-6000.01"), HttpStatus.CONFLICT), 409,
                    "amendment-below-cash");
            assertThat(view(referral).get("contractValue")).isEqualTo(Api.json(money("10000.00", "EUR")));
            assertThat(ops(referral, "amendments", amendment("co-2", "-6000.00"), HttpStatus.OK)
                    .get("contractValue")).isEqualTo(Api.json(money("4000.00", "EUR")));
        }

        @Test
        void badInputChangesNothing() {
            String referral = contracted(api.registerPartner("Bad amendment"), "10000.00");
            Map<String, Object> noReason = new LinkedHashMap<>(amendment("co-1", "100.00"));
            noReason.remove("reason");
            assertProblem(ops(referral, "amendments", noReason, HttpStatus.BAD_REQUEST), 400, "validation-failed");
            Map<String, Object> badMoney = new LinkedHashMap<>(amendment("co-1", "100.00"));
            badMoney.put("delta", money("lots", "EUR"));
            assertProblem(ops(referral, "amendments", badMoney, HttpStatus.BAD_REQUEST), 400, "invalid-money");
            assertProblem(ops(referral, "amendments", amendment("co-1", "0.00"), HttpStatus.BAD_REQUEST), 400,
                    "invalid-money");
            assertProblem(api.post("/api/referrals/" + referral + "/amendments", tokens.finance(),
                    amendment("co-1", "100.00"), HttpStatus.FORBIDDEN), 403, "forbidden");
            assertProblem(ops("no-such-referral", "amendments", amendment("co-1", "100.00"),
                    HttpStatus.NOT_FOUND), 404, "not-found");
            JsonNode unchanged = view(referral);
            assertThat(unchanged.get("contractValue")).isEqualTo(Api.json(money("10000.00", "EUR")));
            assertThat(unchanged.get("amendments")).isEmpty();
        }

        @Test
        void beforeTheContractAmendingIsAnIllegalTransition() {
            String referral = api.submitReferral(api.registerPartner("Early"));
            assertProblem(ops(referral, "amendments", amendment("co-1", "100.00"), HttpStatus.CONFLICT), 409,
                    "illegal-transition");
        }
    }

    @Nested
    class Schedules {

        @Test
        void aContractMayCarryTheClientsInstalmentsAddingUpToItsValue() {
            String referral = api.submitReferral(api.registerPartner("Scheduled"));
            ops(referral, "qualify", null, HttpStatus.OK);
            Map<String, Object> contract = new LinkedHashMap<>(Map.of("contractValue", money("10000.00", "EUR"),
                    "signedAt", "2026-11-01T09:00:00Z"));
            contract.put("schedule", List.of(instalment("deposit", "2026-11-15", "4000.00"),
                    instalment("final", "2027-02-01", "5000.00")));
            assertProblem(ops(referral, "contract", contract, HttpStatus.BAD_REQUEST), 400, "validation-failed");
            assertThat(view(referral).get("status").asText()).isEqualTo("QUALIFIED");

            contract.put("schedule", List.of(instalment("deposit", "2026-11-15", "4000.00"),
                    instalment("final", "2027-02-01", "6000.00")));
            JsonNode signed = ops(referral, "contract", contract, HttpStatus.OK);
            assertThat(signed.get("status").asText()).isEqualTo("CONTRACTED");
            assertThat(signed.get("schedule")).hasSize(2);
            assertThat(signed.get("schedule").get(1).get("dueDate").asText()).isEqualTo("2027-02-01");
            assertThat(signed.get("schedule").get(1).get("amount")).isEqualTo(Api.json(money("6000.00", "EUR")));
            assertThat(signed.get("timeline")).extracting(entry -> entry.get("type").asText())
                    .endsWith("contract-signed", "schedule-set");
        }

        @Test
        void aNewScheduleReplacesTheUnpaidPart() {
            String referral = contracted(api.registerPartner("Rescheduled"), "10000.00");
            ops(referral, "payments", payment("dep", "4000.00"), HttpStatus.CREATED);
            String path = "/api/referrals/" + referral + "/schedule";

            assertProblem(api.put(path, tokens.ops(), Map.of("schedule",
                    List.of(instalment("rest", "2027-01-01", "10000.00"))), HttpStatus.BAD_REQUEST), 400,
                    "validation-failed");
            assertProblem(api.put(path, tokens.ops(), Map.of("schedule",
                    List.of(instalment("rest", "01/01/2027", "6000.00"))), HttpStatus.BAD_REQUEST), 400,
                    "malformed-request");
            assertProblem(api.put(path, tokens.ops(), Map.of("schedule",
                    List.of(Map.of("name", "rest", "amount", money("6000.00", "EUR")))), HttpStatus.BAD_REQUEST), 400,
                    "validation-failed");
            assertThat(view(referral).get("schedule")).isEmpty();

            JsonNode set = api.put(path, tokens.ops(), Map.of("schedule", List.of(
                    instalment("second", "2027-01-01", "3000.00"), instalment("final", "2027-03-01", "3000.00"))),
                    HttpStatus.OK);
            assertThat(set.get("schedule")).extracting(line -> line.get("name").asText())
                    .containsExactly("second", "final");
            assertProblem(api.put(path, tokens.partner(set.get("partnerId").asText()), Map.of("schedule",
                    List.of()), HttpStatus.FORBIDDEN), 403, "forbidden");
        }

        @Test
        void beforeTheContractThereIsNoScheduleToSet() {
            String referral = api.submitReferral(api.registerPartner("Unscheduled"));
            assertProblem(api.put("/api/referrals/" + referral + "/schedule", tokens.ops(), Map.of("schedule",
                    List.of(instalment("all", "2027-01-01", "100.00"))), HttpStatus.CONFLICT), 409,
                    "illegal-transition");
        }
    }

    @Nested
    class SplitCredit {

        @Test
        void everyCoIntroducerSeesTheReferralAsItsOwnAndNobodyElse() {
            String referring = api.registerPartner("Referring");
            String co = api.registerPartner("Co");
            String outsider = api.registerPartner("Outsider");
            String referral = api.submitReferral(referring);
            assertThat(view(referral).get("shares")).isEqualTo(Api.json(List.of(share(referring, "1"))));

            JsonNode split = ops(referral, "split", Map.of("shares",
                    List.of(share(referring, "0.60"), share(co, "0.40"))), HttpStatus.OK);
            assertThat(split.get("shares")).isEqualTo(Api.json(List.of(share(referring, "0.60"), share(co, "0.40"))));
            assertThat(split.get("partnerId").asText()).isEqualTo(referring);
            assertThat(split.get("timeline")).extracting(entry -> entry.get("type").asText())
                    .containsExactly("submitted", "credit-split");
            assertThat(split.get("timeline").get(1).get("details").get("shares"))
                    .isEqualTo(Api.json(List.of(share(referring, "0.60"), share(co, "0.40"))));

            assertThat(api.get("/api/referrals/" + referral, tokens.partner(co), HttpStatus.OK)
                    .get("referralId").asText()).isEqualTo(referral);
            assertThat(ids(api.get("/api/referrals?size=200", tokens.partner(co), HttpStatus.OK)))
                    .containsExactly(referral);
            assertThat(ids(api.get("/api/referrals?size=200&partnerId=" + co, tokens.ops(), HttpStatus.OK)))
                    .containsExactly(referral);
            assertProblem(api.get("/api/referrals/" + referral, tokens.partner(outsider), HttpStatus.NOT_FOUND),
                    404, "not-found");
            assertThat(ids(api.get("/api/referrals?size=200", tokens.partner(outsider), HttpStatus.OK))).isEmpty();
        }

        @Test
        void badSharesChangeNothing() {
            String referring = api.registerPartner("Referring");
            String co = api.registerPartner("Co");
            String referral = api.submitReferral(referring);
            for (List<Map<String, Object>> bad : List.of(
                    List.of(share(referring, "0.60"), share(co, "0.30")),
                    List.of(share(referring, "0.55555"), share(co, "0.44445")),
                    List.of(share(referring, "1.5"), share(co, "-0.5")),
                    List.of(share(co, "1")),
                    List.of(share(referring, "0.5"), share(referring, "0.5")))) {
                assertProblem(ops(referral, "split", Map.of("shares", bad), HttpStatus.BAD_REQUEST), 400,
                        "validation-failed");
            }
            assertProblem(ops(referral, "split", Map.of("shares", List.of()), HttpStatus.BAD_REQUEST), 400,
                    "validation-failed");
            assertProblem(ops(referral, "split", Map.of("shares", List.of(share(referring, "0.5"),
                    share("nobody-" + Api.unique(), "0.5"))), HttpStatus.BAD_REQUEST), 400, "unknown-partner");
            assertProblem(ops(referral, "split", Map.of("shares", List.of(Map.of("partnerId", referring,
                    "share", "a half"))), HttpStatus.BAD_REQUEST), 400, "malformed-request");
            JsonNode unchanged = view(referral);
            assertThat(unchanged.get("shares")).isEqualTo(Api.json(List.of(share(referring, "1"))));
            assertThat(unchanged.get("timeline")).hasSize(1);
        }

        @Test
        void onceContractedTheSplitIsFixed() {
            String referring = api.registerPartner("Referring");
            String referral = contracted(referring, "1000.00");
            assertProblem(ops(referral, "split", Map.of("shares", List.of(share(referring, "1"))),
                    HttpStatus.CONFLICT), 409, "illegal-transition");
        }
    }

    @Nested
    class FollowOns {

        @Test
        void moreWorkForAContractedClientIsAQualifiedFollowOnCreditedAsBeforeAndNeverADuplicate() {
            String referring = api.registerPartner("Referring");
            String co = api.registerPartner("Co");
            String original = api.submitReferral(referring);
            ops(original, "split", Map.of("shares", List.of(share(referring, "0.70"), share(co, "0.30"))),
                    HttpStatus.OK);
            ops(original, "qualify", null, HttpStatus.OK);
            ops(original, "contract", Map.of("contractValue", money("1000.00", "EUR"),
                    "signedAt", "2026-11-01T09:00:00Z"), HttpStatus.OK);
            JsonNode originalView = view(original);

            JsonNode followOn = api.post("/api/referrals/" + original + "/follow-ons", tokens.ops(),
                    Map.of("description", "Phase two", "estimatedValue", money("500.00", "EUR")),
                    HttpStatus.CREATED);
            assertThat(followOn.get("status").asText()).isEqualTo("QUALIFIED");
            assertThat(followOn.get("followOnOf").asText()).isEqualTo(original);
            assertThat(followOn.get("referralId").asText()).isNotEqualTo(original);
            assertThat(followOn.get("client")).isEqualTo(originalView.get("client"));
            assertThat(followOn.get("partnerId").asText()).isEqualTo(referring);
            assertThat(followOn.get("shares")).isEqualTo(originalView.get("shares"));
            assertThat(followOn.get("timeline")).extracting(entry -> entry.get("type").asText())
                    .containsExactly("follow-on-opened");
            assertThat(api.get("/api/referrals/" + followOn.get("referralId").asText(), tokens.partner(co),
                    HttpStatus.OK).get("followOnOf").asText()).isEqualTo(original);

            // a second follow-on is no duplicate either; a new referral of the client by anyone is
            api.post("/api/referrals/" + original + "/follow-ons", tokens.ops(),
                    Map.of("description", "Phase three"), HttpStatus.CREATED);
            String company = originalView.get("client").get("company").asText();
            assertProblem(api.post("/api/referrals", tokens.partner(api.registerPartner("Late")),
                    Api.referralFor(company, "other-" + Api.unique() + "@client.example"), HttpStatus.CONFLICT),
                    409, "duplicate-referral");

            String followOnId = followOn.get("referralId").asText();
            ops(followOnId, "contract", Map.of("contractValue", money("500.00", "EUR"),
                    "signedAt", "2026-12-01T09:00:00Z"), HttpStatus.OK);
            assertThat(view(followOnId).get("contractNumber").asInt()).isEqualTo(2);
        }

        @Test
        void aFollowOnNeedsAContractAndAnExistingReferral() {
            String referral = api.submitReferral(api.registerPartner("Early"));
            assertProblem(api.post("/api/referrals/" + referral + "/follow-ons", tokens.ops(),
                    Map.of("description", "more"), HttpStatus.CONFLICT), 409, "illegal-transition");
            assertProblem(api.post("/api/referrals/no-such-referral/follow-ons", tokens.ops(),
                    Map.of("description", "more"), HttpStatus.NOT_FOUND), 404, "not-found");
            assertProblem(api.post("/api/referrals/" + referral + "/follow-ons", tokens.ops(),
                    Map.of("description", " "), HttpStatus.BAD_REQUEST), 400, "validation-failed");
            assertProblem(api.post("/api/referrals/" + referral + "/follow-ons", tokens.partner("x"),
                    Map.of("description", "more"), HttpStatus.FORBIDDEN), 403, "forbidden");
        }

        @Test
        void aCompletedReferralClosesItsClaimAndStillTakesFollowOns() {
            String referral = contracted(api.registerPartner("Completed"), "1000.00");
            ops(referral, "deliver", null, HttpStatus.OK);
            ops(referral, "complete", null, HttpStatus.OK);
            String company = view(referral).get("client").get("company").asText().toLowerCase();
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(mongo.findOne(
                    Query.query(where("_id").is("company:" + company)), Map.class, "client-claims"))
                    .containsKey("closedAt"));
            api.post("/api/referrals/" + referral + "/follow-ons", tokens.ops(), Map.of("description", "more"),
                    HttpStatus.CREATED);
        }
    }

    @Nested
    class Partners {

        @Test
        void operationsOrThePartnerItselfChangesNameAddressAndLanguage() {
            String partner = api.registerPartner("Changing");
            String email = "new-" + Api.unique() + "@partner.example";
            JsonNode byOps = api.put("/api/partners/" + partner, tokens.ops(),
                    Map.of("name", "Changed", "email", email, "language", "fr"), HttpStatus.OK);
            assertThat(byOps.get("name").asText()).isEqualTo("Changed");
            assertThat(byOps.get("language").asText()).isEqualTo("fr");
            assertThat(byOps.get("email").asText()).isEqualTo(email);
            JsonNode bySelf = api.put("/api/partners/" + partner, tokens.partner(partner),
                    Map.of("name", "Changed again", "email", email, "language", "zh"), HttpStatus.OK);
            assertThat(bySelf.get("language").asText()).isEqualTo("zh");
            assertThat(api.get("/api/partners/" + partner, tokens.ops(), HttpStatus.OK).get("name").asText())
                    .isEqualTo("Changed again");
        }

        @Test
        void othersAndBadInputChangeNothing() {
            String partner = api.registerPartner("Guarded");
            Map<String, Object> change = Map.of("name", "Hijacked", "email", "h@x.example", "language", "en");
            assertProblem(api.put("/api/partners/" + partner, tokens.partner(api.registerPartner("Other")), change,
                    HttpStatus.NOT_FOUND), 404, "not-found");
            assertProblem(api.put("/api/partners/" + partner, tokens.finance(), change, HttpStatus.FORBIDDEN), 403,
                    "forbidden");
            assertProblem(api.put("/api/partners/" + partner, tokens.ops(),
                    Map.of("name", "X", "email", "h@x.example", "language", "de"), HttpStatus.BAD_REQUEST), 400,
                    "validation-failed");
            assertProblem(api.put("/api/partners/" + partner, tokens.ops(),
                    Map.of("name", "X", "email", "not an address", "language", "en"), HttpStatus.BAD_REQUEST), 400,
                    "validation-failed");
            assertProblem(api.put("/api/partners/nobody-" + Api.unique(), tokens.ops(), change,
                    HttpStatus.NOT_FOUND), 404, "not-found");
            assertThat(api.get("/api/partners/" + partner, tokens.ops(), HttpStatus.OK).get("name").asText())
                    .isEqualTo("Guarded");
        }
    }

    @Nested
    class Relay {

        @Test
        void referralEventsCarryEveryCoIntroducersCurrentDetailsAndContractNumber() {
            String parent = api.registerPartner("Parent");
            String referring = api.registerPartner("Referring", "ref-" + Api.unique() + "@partner.example", parent);
            String co = api.registerPartner("Co");
            // the co-introducer already has one signed contract: this one is its second
            contracted(co, "100.00");
            String referral = api.submitReferral(referring);
            ops(referral, "split", Map.of("shares", List.of(share(referring, "0.75"), share(co, "0.25"))),
                    HttpStatus.OK);
            ops(referral, "qualify", null, HttpStatus.OK);
            Map<String, Object> contract = new LinkedHashMap<>(Map.of("contractValue", money("1000.00", "EUR"),
                    "signedAt", "2026-11-01T09:00:00Z"));
            contract.put("schedule", List.of(instalment("all", "2027-01-01", "1000.00")));
            ops(referral, "contract", contract, HttpStatus.OK);
            String coEmail = "co-new-" + Api.unique() + "@partner.example";
            api.put("/api/partners/" + co, tokens.ops(), Map.of("name", "Co renamed", "email", coEmail,
                    "language", "fr"), HttpStatus.OK);
            ops(referral, "amendments", amendment("co-1", "200.00"), HttpStatus.OK);
            String followOn = api.post("/api/referrals/" + referral + "/follow-ons", tokens.ops(),
                    Map.of("description", "more"), HttpStatus.CREATED).get("referralId").asText();

            List<CloudEventTopics.Received> received = CloudEventTopics.shared().events(Topics.REFERRAL_EVENTS,
                    Set.of(referral, followOn, co)::contains,
                    events -> types(events).containsAll(List.of("rapport.referral.contract-amended.v1",
                            "rapport.referral.follow-on-opened.v1", "rapport.partner.updated.v1")), PATIENCE);

            JsonNode submitted = data(received, "rapport.referral.submitted.v1");
            assertThat(submitted.get("shares")).hasSize(1);
            assertThat(submitted.get("shares").get(0).get("partnerId").asText()).isEqualTo(referring);
            assertThat(submitted.get("shares").get(0).get("parentPartnerId").asText()).isEqualTo(parent);
            assertThat(submitted.get("shares").get(0).get("language").asText()).isEqualTo("en");
            assertThat(submitted.get("shares").get(0).get("name").asText()).isEqualTo("Referring");

            JsonNode split = data(received, "rapport.referral.credit-split.v1");
            assertThat(split.get("shares")).extracting(share -> share.get("partnerId").asText())
                    .containsExactly(referring, co);

            JsonNode signed = data(received, "rapport.referral.contract-signed.v1");
            assertThat(signed.get("contractNumber").asInt()).isEqualTo(1);
            assertThat(signed.get("shares")).extracting(share -> share.get("partnerId").asText() + " "
                            + share.get("share").asText() + " #" + share.get("contractNumber").asInt())
                    .containsExactly(referring + " 0.75 #1", co + " 0.25 #2");

            JsonNode schedule = data(received, "rapport.referral.schedule-set.v1");
            assertThat(schedule.get("schedule")).hasSize(1);
            assertThat(schedule.get("shares")).hasSize(2);

            JsonNode amended = data(received, "rapport.referral.contract-amended.v1");
            assertThat(amended.get("contractValue")).isEqualTo(Api.json(money("1200.00", "EUR")));
            JsonNode coShare = amended.get("shares").get(1);
            assertThat(coShare.get("language").asText()).isEqualTo("fr");
            assertThat(coShare.get("email").asText()).isEqualTo(coEmail);
            assertThat(coShare.get("name").asText()).isEqualTo("Co renamed");
            assertThat(coShare.hasNonNull("contractNumber")).isFalse();

            JsonNode opened = data(received, "rapport.referral.follow-on-opened.v1");
            assertThat(opened.get("followOnOf").asText()).isEqualTo(referral);
            assertThat(opened.get("shares")).hasSize(2);

            JsonNode updated = data(received, "rapport.partner.updated.v1");
            assertThat(updated.get("language").asText()).isEqualTo("fr");
        }

        private List<String> types(List<CloudEventTopics.Received> events) {
            return events.stream().map(event -> event.event().type()).toList();
        }

        private JsonNode data(List<CloudEventTopics.Received> events, String type) {
            return events.stream().filter(event -> event.event().type().equals(type)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + type + " in " + types(events)))
                    .event().data();
        }
    }

    private static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .map(item -> item.get("referralId").asText()).toList();
    }
}
