package com.rapport.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.rapport.testsupport.CloudEventTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Issue 10's fault run: closed-loop clients drive referral lifecycles through the gateway while every process of the
 * stack is killed with {@code kill -9} in turn and started again by the stack's supervisor (each service, the gateway,
 * the Kafka broker and the embedded database).
 * Clients behave as careful API users do: a call that failed or timed out is repeated with the same
 * {@code Idempotency-Key} / {@code paymentId} until it is acknowledged. At the end, for every acknowledged lifecycle:
 * its six events are on Kafka exactly once each (by id; a resend has the same id), its three commission entries exist
 * exactly once and add up to the locked rate times the cash, the tier rates follow each partner's contract count (no
 * contract number wasted or given twice), every notification exists once, and a payout batch never takes an entry
 * another live batch holds.
 *
 * <p>{@code FaultUnderLoadIT} runs a short version in {@code mvn verify}; the long one is
 * {@code RAPPORT_RATELIMIT_ENABLED=false mvn -q -pl local-stack exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.rapport.localstack.FaultUnderLoad -Dexec.args="8 3"} (clients, rounds of kills).
 */
public final class FaultUnderLoad {

    static final List<String> VICTIMS = List.of("referral-service", "commission-service", "notification-service",
            "gateway", "kafka", "database");
    private static final String[] EXPECTED_TYPES = {"rapport.referral.submitted.v1", "rapport.referral.qualified.v1",
            "rapport.referral.contract-signed.v1", "rapport.referral.payment-received.v1"};

    /** Three payments of different amounts, so that every notification of a lifecycle reads differently. */
    private static final String[] PAYMENTS = {"1000.00", "3000.00", "5000.00"};

    record Counts(long commandsAcknowledged, long retriedCalls, long lifecycles, long events, long duplicateEvents,
                  long lostEvents, long entries, long duplicateEntries, long wrongTotals, long notifications,
                  long duplicateNotifications, long lostNotifications, long entriesInTwoBatches, List<String> lines) {
    }

    private final LocalStack stack;
    private final Api api;
    private final Supplier<String> ops;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final RunLog log = new RunLog();

    FaultUnderLoad(LocalStack stack) {
        this.stack = stack;
        this.api = new Api(stack.gatewayUrl());
        this.ops = api.session("ops", "ops-dev-password");
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (LocalStack stack = LocalStack.start(StackOptions.ephemeral(LocalStack.projectRoot()))) {
            Counts counts = new FaultUnderLoad(stack).run(clients, rounds, Duration.ofSeconds(10), VICTIMS);
            RunLog.write(LocalStack.projectRoot().resolve("local-stack/target/benchmark/fault-under-load.txt"),
                    counts.lines());
        }
        System.exit(0);
    }

    /** {@code victims}: the processes killed in turn in each round, of {@link #VICTIMS}. */
    Counts run(int clients, int rounds, Duration between, List<String> victims) throws Exception {
        List<String> partners = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            partners.add(newPartner("fault" + i));
        }
        Map<String, List<String>> lifecycles = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        for (String partner : partners) {
            lifecycles.put(partner, new CopyOnWriteArrayList<>());
            threads.submit(() -> {
                try {
                    while (!stop.get()) {
                        lifecycles.get(partner).add(lifecycle(partner));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
        }
        long start = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (String victim : victims) {
                Thread.sleep(between.toMillis());
                long down = System.nanoTime();
                if (victim.equals("kafka") || victim.equals("database")) {
                    // kill -9 of the broker's or the database's own process; its supervisor starts it again
                    int restarts = stack.restartsOf(victim);
                    ProcessHandle.of(stack.pidOf(victim)).ifPresent(ProcessHandle::destroyForcibly);
                    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                    while (stack.restartsOf(victim) == restarts && System.nanoTime() < deadline) {
                        Thread.sleep(100);
                    }
                } else {
                    stack.crash(victim);
                    stack.restart(victim);
                }
                say("round %d: %s killed with -9 and back in %.1f s (%d commands acknowledged so far)", round + 1,
                        victim, (System.nanoTime() - down) / 1e9, acknowledged.get());
            }
        }
        Thread.sleep(between.toMillis());
        stop.set(true);
        threads.shutdown();
        if (!threads.awaitTermination(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("clients did not finish");
        }
        if (!failures.isEmpty()) {
            // the cause's message in ours: a build's summary shows only this line
            throw new IllegalStateException("a client gave up: " + failures.get(0).getMessage(), failures.get(0));
        }
        say("load ran %.0f s with %d clients; %d lifecycles, %d commands acknowledged, %d calls repeated after a failure",
                (System.nanoTime() - start) / 1e9, clients,
                lifecycles.values().stream().mapToLong(List::size).sum(), acknowledged.get(), retried.get());
        return check(lifecycles);
    }

    // ------------------------------------------------------------------------------------------ a careful client

    private String lifecycle(String partner) {
        Map<String, Object> body = new HashMap<>(Journeys.referralBody("Fault " + UUID.randomUUID(),
                "f-" + UUID.randomUUID() + "@client.example"));
        body.put("partnerId", partner);
        String key = UUID.randomUUID().toString();
        String referral = untilAcknowledged("submit", () -> api.send("POST", "/api/referrals", ops.get(),
                Api.write(body), "application/json", Map.of("Idempotency-Key", key)), null)
                .json().path("referralId").asText();
        untilAcknowledged("qualify " + referral, () -> api.post("/api/referrals/" + referral + "/qualify", ops.get(),
                Map.of()), () -> status(referral, "QUALIFIED", "CONTRACTED"));
        untilAcknowledged("contract " + referral, () -> api.post("/api/referrals/" + referral + "/contract", ops.get(),
                Journeys.contract("9000.00", "EUR")), () -> status(referral, "CONTRACTED"));
        for (int i = 0; i < PAYMENTS.length; i++) {
            String paymentId = "pay-" + i;
            String amount = PAYMENTS[i];
            untilAcknowledged(paymentId + " of " + referral, () -> api.post("/api/referrals/" + referral
                    + "/payments", ops.get(), Journeys.payment(paymentId, amount, "EUR", "MILESTONE",
                    "2026-11-01T10:00:00Z")), null);
        }
        return referral;
    }

    /**
     * Repeats the call until it is acknowledged (2xx). A 409 after a failed attempt means that attempt did land when
     * {@code alreadyDone} says so. Connection failures, 5xx and 429 are repeated after a pause.
     */
    private Api.Response untilAcknowledged(String what, Supplier<Api.Response> call, Supplier<Boolean> alreadyDone) {
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(4).toNanos();
        boolean failedBefore = false;
        List<String> attempts = new ArrayList<>();
        while (true) {
            Api.Response response = null;
            try {
                response = call.get();
                attempts.add(String.valueOf(response.status()));
            } catch (RuntimeException connectionFailure) {
                // the gateway itself is down
                attempts.add(connectionFailure.getClass().getSimpleName());
            }
            if (response != null && response.status() / 100 == 2) {
                acknowledged.incrementAndGet();
                return response;
            }
            if (response != null && response.status() == 409 && failedBefore && alreadyDone != null
                    && safely(alreadyDone)) {
                acknowledged.incrementAndGet();
                return response;
            }
            if (response != null && response.status() / 100 == 4 && response.status() != 429
                    && response.status() != 409 && response.status() != 401) {
                throw gaveUp(what, "refused", start, attempts, response);
            }
            if (System.nanoTime() > deadline) {
                throw gaveUp(what, "never acknowledged", start, attempts, response);
            }
            failedBefore = true;
            retried.incrementAndGet();
            RunLog.pause(250);
        }
    }

    /** Says when and after which answers a client gave up, so that the run's log places it among the kills. */
    private IllegalStateException gaveUp(String what, String how, long start, List<String> attempts,
                                         Api.Response last) {
        String message = "%s %s after %.1f s and %d attempts %s; the last answer: %s".formatted(what, how,
                (System.nanoTime() - start) / 1e9, attempts.size(),
                attempts.subList(Math.max(0, attempts.size() - 20), attempts.size()),
                last == null ? "none" : last.status() + " " + last.text());
        say("%s", message);
        return new IllegalStateException(message);
    }

    private boolean safely(Supplier<Boolean> check) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean status(String referral, String... accepted) {
        String status = api.get("/api/referrals/" + referral, ops.get()).json().path("status").asText();
        return List.of(accepted).contains(status);
    }

    // ----------------------------------------------------------------------------------------------- the audit

    private Counts check(Map<String, List<String>> lifecycles) throws Exception {
        Set<String> referrals = new HashSet<>();
        lifecycles.values().forEach(referrals::addAll);
        long entriesPerLifecycle = PipelineBenchmark.PAYMENTS;

        // events: six per referral on Kafka, by id exactly once (duplicates on the wire are resends of one id)
        List<ConsumerRecord<String, byte[]>> records = readTopic("referral-events", referrals::contains,
                referrals.size() * 6L, Duration.ofMinutes(3));
        Map<String, Set<String>> idsByReferral = new HashMap<>();
        Map<String, List<String>> typesByReferral = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            JsonNode event = Journeys.json(record.value());
            if (idsByReferral.computeIfAbsent(record.key(), k -> new HashSet<>()).add(event.path("id").asText())) {
                typesByReferral.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(event.path("type").asText());
            }
        }
        long events = idsByReferral.values().stream().mapToLong(Set::size).sum();
        long lost = 0;
        long duplicateEvents = 0;
        for (String referral : referrals) {
            List<String> types = typesByReferral.getOrDefault(referral, List.of());
            long payments = types.stream().filter(EXPECTED_TYPES[3]::equals).count();
            for (int i = 0; i < 3; i++) {
                long n = types.stream().filter(EXPECTED_TYPES[i]::equals).count();
                lost += n == 0 ? 1 : 0;
                duplicateEvents += Math.max(0, n - 1);
            }
            lost += Math.max(0, PipelineBenchmark.PAYMENTS - payments);
            duplicateEvents += Math.max(0, payments - PipelineBenchmark.PAYMENTS);
        }

        // ledger: three entries per referral, distinct sources, summing to the locked rate × 9,000.00; tiers in order
        long entries = 0;
        long duplicateEntries = 0;
        long wrongTotals = 0;
        awaitLedger(lifecycles, entriesPerLifecycle);
        awaitNotifications(lifecycles);
        for (Map.Entry<String, List<String>> partner : lifecycles.entrySet()) {
            List<BigDecimal> rates = new ArrayList<>();
            for (String referral : partner.getValue()) {
                JsonNode items = api.get("/api/commissions?referralId=" + referral + "&size=50", ops.get()).json()
                        .path("items");
                Set<String> sources = new HashSet<>();
                BigDecimal sum = BigDecimal.ZERO;
                BigDecimal rate = null;
                for (JsonNode entry : items) {
                    entries++;
                    if (!sources.add(entry.path("sourceEventId").asText())) {
                        duplicateEntries++;
                    }
                    sum = sum.add(new BigDecimal(entry.at("/amount/amount").asText()));
                    rate = new BigDecimal(entry.path("rate").asText());
                }
                duplicateEntries += Math.max(0, items.size() - entriesPerLifecycle);
                if (rate == null || sum.compareTo(rate.multiply(new BigDecimal("9000.00"))
                        .setScale(2, RoundingMode.HALF_EVEN)) != 0) {
                    wrongTotals++;
                }
                rates.add(rate);
            }
            List<BigDecimal> sorted = rates.stream().filter(java.util.Objects::nonNull).sorted().toList();
            for (int n = 1; n <= sorted.size(); n++) {
                BigDecimal expected = n >= 6 ? new BigDecimal("0.15") : n >= 3 ? new BigDecimal("0.12")
                        : new BigDecimal("0.10");
                if (sorted.get(n - 1).compareTo(expected) != 0) {
                    wrongTotals++;
                    say("partner %s: contract %d earned %s, its tier says %s", partner.getKey(), n,
                            sorted.get(n - 1), expected);
                }
            }
        }

        // notifications: every referral event of every lifecycle told once (the rate and commission may be told with
        // their contract and payment or on their own, so only their duplicates are counted)
        long notifications = 0;
        long duplicateNotifications = 0;
        long lostNotifications = 0;
        for (Map.Entry<String, List<String>> partner : lifecycles.entrySet()) {
            Map<String, JsonNode> seen = new HashMap<>();
            List<JsonNode> told = notificationsOf(partner.getKey());
            for (JsonNode notification : told) {
                notifications++;
                String type = notification.path("eventType").asText();
                String referral = notification.path("referralId").asText();
                JsonNode first = seen.putIfAbsent(referral + "/" + type + "/" + notification.path("body").asText(),
                        notification);
                if (first != null) {
                    duplicateNotifications++;
                    say("partner %s told %s twice: %s at %s and %s at %s", partner.getKey(), type,
                            first.path("notificationId").asText(), first.path("createdAt").asText(),
                            notification.path("notificationId").asText(), notification.path("createdAt").asText());
                }
            }
            Map<String, Set<String>> referralEvents = referralEventsTold(told);
            for (String referral : partner.getValue()) {
                Set<String> toldOf = referralEvents.getOrDefault(referral, Set.of());
                if (toldOf.size() < 6) {
                    lostNotifications += 6 - toldOf.size();
                    say("partner %s was told %d of referral %s's six events: %s", partner.getKey(), toldOf.size(),
                            referral, toldOf);
                }
            }
        }
        long inTwoBatches = payoutBatchesNeverShare();

        say("events: %d stored and relayed (%d lifecycles × 6), lost %d, duplicates %d", events, referrals.size(),
                lost, duplicateEvents);
        say("ledger entries: %d, duplicates %d, referrals whose entries do not add up to rate × cash (or tier wrong): %d",
                entries, duplicateEntries, wrongTotals);
        say("notifications: %d (every referral event told: %d of %d), duplicates %d, lost %d", notifications,
                referrals.size() * 6L - lostNotifications, referrals.size() * 6L, duplicateNotifications,
                lostNotifications);
        say("entries in two live payout batches: %d", inTwoBatches);
        return new Counts(acknowledged.get(), retried.get(), referrals.size(), events, duplicateEvents, lost, entries,
                duplicateEntries, wrongTotals, notifications, duplicateNotifications, lostNotifications, inTwoBatches,
                log.lines());
    }

    private void awaitLedger(Map<String, List<String>> lifecycles, long perLifecycle) throws InterruptedException {
        say("ledger complete %.1f s after the audit began", awaitEveryPartner(lifecycles, "/api/commissions",
                perLifecycle));
        Thread.sleep(2000); // anything counted twice would show up now
    }

    /**
     * Waits until every referral event of every lifecycle was told: a notification-service killed late in the run
     * catches up after the ledger does, and what is still missing at the deadline is counted as lost. The list's total
     * alone does not say so: commissions told on their own count in it too, so it reaches six per lifecycle while
     * referral events are still untold (CI's run that counted 6 of them as lost).
     */
    private void awaitNotifications(Map<String, List<String>> lifecycles) throws InterruptedException {
        double total = awaitEveryPartner(lifecycles, "/api/notifications", 6);
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(5).toNanos();
        long untoldAtTotal = untoldReferralEvents(lifecycles);
        long untold = untoldAtTotal;
        while (untold > 0 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            untold = untoldReferralEvents(lifecycles);
        }
        say("notifications: six per lifecycle %.1f s after the ledger, with %d referral events still untold; "
                + "%d untold %.1f s later", total, untoldAtTotal, untold, (System.nanoTime() - start) / 1e9);
    }

    private long untoldReferralEvents(Map<String, List<String>> lifecycles) throws InterruptedException {
        long untold = 0;
        for (Map.Entry<String, List<String>> partner : lifecycles.entrySet()) {
            Map<String, Set<String>> told = referralEventsTold(notificationsOf(partner.getKey()));
            for (String referral : partner.getValue()) {
                untold += Math.max(0, 6 - told.getOrDefault(referral, Set.of()).size());
            }
        }
        return untold;
    }

    /** Per referral, the distinct referral events its partner was told of (by type and text: three payments differ). */
    private static Map<String, Set<String>> referralEventsTold(List<JsonNode> notifications) {
        Map<String, Set<String>> told = new HashMap<>();
        for (JsonNode notification : notifications) {
            String type = notification.path("eventType").asText();
            if (type.startsWith("rapport.referral.")) {
                told.computeIfAbsent(notification.path("referralId").asText(), k -> new HashSet<>())
                        .add(type + "/" + notification.path("body").asText());
            }
        }
        return told;
    }

    /**
     * Up to five minutes until each partner's list at {@code path} holds {@code perLifecycle} items per lifecycle;
     * answers the seconds it waited (how long a consumer killed late in the run took to catch up).
     */
    private double awaitEveryPartner(Map<String, List<String>> lifecycles, String path, long perLifecycle)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(5).toNanos();
        for (Map.Entry<String, List<String>> partner : lifecycles.entrySet()) {
            long want = partner.getValue().size() * perLifecycle;
            while (api.get(path + "?partnerId=" + partner.getKey() + "&size=1", ops.get()).json().path("total")
                    .asLong() < want && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Two batches made one after the other over the same payable entries: the second takes none of the first's. */
    private long payoutBatchesNeverShare() {
        String finance = api.login("finance", "finance-dev-password");
        String asOf = LocalDate.now(java.time.ZoneOffset.UTC).toString();
        Api.Response first = api.post("/api/payouts", finance, Map.of("asOf", asOf));
        Api.Response second = api.post("/api/payouts", finance, Map.of("asOf", asOf));
        if (first.status() != 201) {
            throw new IllegalStateException("payout batch: " + first);
        }
        Set<String> firstLines = new HashSet<>();
        first.json().path("lines").forEach(line -> firstLines.add(line.path("partnerId").asText() + "/"
                + line.at("/amount/currency").asText()));
        long shared = 0;
        if (second.status() == 201) {
            for (JsonNode line : second.json().path("lines")) {
                if (firstLines.contains(line.path("partnerId").asText() + "/" + line.at("/amount/currency").asText())
                        && new BigDecimal(line.at("/amount/amount").asText()).signum() > 0) {
                    shared++;
                }
            }
        }
        say("payout batches: the first pays %d lines, the second, made right after, shares %d of them",
                firstLines.size(), shared);
        return shared;
    }

    /** Reads until {@code expectedDistinct} event ids arrived and the topic was then quiet for two seconds. */
    private List<ConsumerRecord<String, byte[]>> readTopic(String topic, java.util.function.Predicate<String> key,
                                                           long expectedDistinct, Duration limit) {
        Set<String> distinct = new HashSet<>();
        long[] quietSince = {System.nanoTime()};
        int[] seen = {0};
        return CloudEventTopics.at(stack.options().kafkaBootstrapServers()).read(topic,
                record -> record.key() != null && key.test(record.key()), found -> {
                    if (found.size() > seen[0]) {
                        quietSince[0] = System.nanoTime();
                        found.subList(seen[0], found.size())
                                .forEach(record -> distinct.add(Journeys.json(record.value()).path("id").asText()));
                        seen[0] = found.size();
                    }
                    return distinct.size() >= expectedDistinct && System.nanoTime() - quietSince[0] >= 2_000_000_000L;
                }, limit);
    }

    private String newPartner(String label) {
        Api.Response created = api.post("/api/partners", ops.get(), Map.of("name", "Fault " + label + " " + run,
                "email", label + "-" + run + "@fault.example", "language", "en"));
        if (created.status() != 201) {
            throw new IllegalStateException("partner: " + created);
        }
        String partnerId = created.json().path("partnerId").asText();
        String finance = api.login("finance", "finance-dev-password");
        Api.Response details = api.put("/api/payout-details/" + partnerId, finance, Map.of(
                "accountHolder", "Fault " + label, "iban", "DE89370400440532013000"));
        if (details.status() != 200) {
            throw new IllegalStateException("payout details: " + details);
        }
        // month-end rules (issue 12): a partner needs a tax profile and self-billing acceptance to be paid
        api.put("/api/tax-profiles/" + partnerId, finance, Map.of("legalName", "Fault " + label + " GmbH",
                "address", Map.of("line1", "Hauptstr. 1", "city", "Berlin", "postalCode", "10115", "country", "DE"),
                "vatRegistered", false, "selfBillingAccepted", true));
        return partnerId;
    }

    private void say(String format, Object... args) {
        log.say(format, args);
    }

    /**
     * A partner's notifications, read page by page while none arrived: the list is newest first, so one told between
     * two page reads moves every later page by one and shows its last item twice (the run that showed "duplicates"
     * where every id was once).
     */
    private List<JsonNode> notificationsOf(String partnerId) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            List<JsonNode> items = new ArrayList<>();
            long totalBefore = -1;
            long total = 0;
            for (int page = 0; ; page++) {
                JsonNode list = api.get("/api/notifications?partnerId=" + partnerId + "&size=200&page=" + page, ops.get())
                        .json();
                total = list.path("total").asLong();
                totalBefore = totalBefore < 0 ? total : totalBefore;
                list.path("items").forEach(items::add);
                if ((page + 1) * 200L >= total) {
                    break;
                }
            }
            if (total == totalBefore || attempt == 30) {
                return items;
            }
            Thread.sleep(1000);
        }
    }

    static Path report() {
        return LocalStack.projectRoot().resolve("local-stack/target/benchmark/fault-under-load-short.txt");
    }
}
