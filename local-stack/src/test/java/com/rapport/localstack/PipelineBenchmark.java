package com.rapport.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.rapport.testsupport.CloudEventTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The pipeline benchmark of issue 9, on a stack started exactly like the README starts it: closed-loop clients drive
 * referrals through the gateway (submit, qualify, contract, three payments: six referral events each), and a referral
 * event counts as processed only once its effects are visible through the API (the commission entries and the
 * partner's notifications). Beside it, in the same run and on the same broker and database, the bare ceiling: the same
 * number of records of the same size produced, consumed and inserted with plain clients. Bounded in count and time;
 * talks only to loopback.
 *
 * Then the same stack with a grown event store ({@link StoredHistory}: command latency and the relay's rate at each
 * history size) and the rebuild of both services' read models from it.
 *
 * <p>Run the full version with {@code mvn -q -DskipTests install} then the {@code java -cp ...
 * com.rapport.localstack.PipelineBenchmark <clients> <seconds per phase> <history sizes> <replay size>} command of
 * docs/BENCHMARKS.md; the output goes to stdout and {@code local-stack/target/benchmark/pipeline.txt}.
 * {@code PipelineBenchmarkIT} runs a short version in {@code mvn verify}.
 */
public final class PipelineBenchmark {

    /** The events one lifecycle writes on referral-events. */
    static final int EVENTS_PER_LIFECYCLE = 6;
    static final int PAYMENTS = 3;
    static final String PAYMENT_RECEIVED = "rapport.referral.payment-received.v1";

    /**
     * {@code histories}: store sizes (events) at which command latency and the relay are measured again;
     * {@code backlogLifecycles}: lifecycles' worth of events the relay drains at each; {@code replayEvents}: the size
     * referral-service's and commission-service's stores are grown to before their read models are rebuilt (a store
     * already that large, e.g. with 0, is rebuilt as it is; negative: no rebuild); {@code warmUp}: the sustained load
     * run before anything is measured, in slices of {@code phase}, so that the numbers are those of a long-running
     * service and not of JVMs still compiling (zero: measure from start-up).
     */
    record Settings(int clients, Duration phase, Duration drainLimit, int probes, int directRequests,
                    boolean twoInstances, List<Long> histories, int backlogLifecycles, long replayEvents,
                    Duration warmUp) {
        static Settings of(String[] args) {
            int clients = args.length > 0 ? Integer.parseInt(args[0]) : 16;
            int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
            List<Long> histories = args.length > 2 ? java.util.Arrays.stream(args[2].split(","))
                    .map(Long::parseLong).toList() : List.of(10_000L, 500_000L);
            long replay = args.length > 3 ? Long.parseLong(args[3]) : 1_000_000L;
            int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 0;
            return new Settings(clients, Duration.ofSeconds(seconds), Duration.ofMinutes(10), 40, 5000, true,
                    histories, 100, replay, Duration.ofSeconds(warmUp));
        }
    }

    /** p50/p99/max in milliseconds. */
    record Latencies(int count, double p50, double p99, double max) {
        static Latencies of(List<Long> nanos) {
            if (nanos.isEmpty()) {
                return new Latencies(0, Double.NaN, Double.NaN, Double.NaN);
            }
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            return new Latencies(sorted.size(), ms(percentile(sorted, 0.50)), ms(percentile(sorted, 0.99)),
                    ms(sorted.get(sorted.size() - 1)));
        }

        private static long percentile(List<Long> sorted, double p) {
            int index = (int) Math.ceil(p * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }

        private static double ms(long nanos) {
            return nanos / 1_000_000.0;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "p50 %.0f ms, p99 %.0f ms, max %.0f ms (n=%d)", p50, p99, max, count);
        }
    }

    record Throughput(long lifecycles, long commands, double seconds, double commandsPerSecond,
                      double eventsPerSecond, double drainSeconds, Latencies commandLatency) {
    }

    /** The pipeline with {@code storedEvents} already stored and processed. */
    record History(long storedEvents, Throughput load, long backlogEvents, double relayEventsPerSecond) {
    }

    /** A rebuild of one service's read models. */
    /** A rebuild, and {@code bare}: the same store read once with the plain driver, the floor any rebuild has. */
    record Replay(String service, long storedEvents, long millis, StoredHistory.Read bare) {
        double eventsPerSecond() {
            return storedEvents / (millis / 1000.0);
        }
    }

    record Report(Throughput sustained, Throughput half, double bareEventsPerSecond, Latencies freshCommissionIdle,
                  Latencies freshNotificationIdle, Latencies freshCommissionHalf, Latencies freshNotificationHalf,
                  Latencies freshCommissionSustained, Latencies freshNotificationSustained,
                  double gatewayPerSecond, double directPerSecond, List<History> histories, List<Replay> replays,
                  List<String> lines) {
    }

    private final LocalStack stack;
    private final Settings settings;
    private final Api api;
    private final Supplier<String> ops;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final RunLog log = new RunLog();
    private int notificationsPerLifecycle;
    private int entriesPerLifecycle;
    private String calibrationPartner;
    private String calibrationReferral;
    /** Lifecycles copied into the store as a relay backlog so far: their effects land on the calibration partner. */
    private long backlogLifecycles;

    PipelineBenchmark(LocalStack stack, Settings settings) {
        this.stack = stack;
        this.settings = settings;
        this.api = new Api(stack.gatewayUrl());
        this.ops = api.session("ops", "ops-dev-password");
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.of(args);
        try (LocalStack stack = LocalStack.start(StackOptions.ephemeral(LocalStack.projectRoot()))) {
            Report report = new PipelineBenchmark(stack, settings).run();
            Path out = LocalStack.projectRoot().resolve("local-stack/target/benchmark/pipeline.txt");
            RunLog.write(out, report.lines());
        }
        System.exit(0);
    }

    Report run() throws Exception {
        say("pipeline benchmark: %d clients, %d s per phase, %d s warm-up, %d cores, stack at %s", settings.clients(),
                settings.phase().toSeconds(), settings.warmUp().toSeconds(),
                Runtime.getRuntime().availableProcessors(), stack.gatewayUrl());
        say("start-up: database, broker and the four services healthy %.1f s after launch", stack.startupMillis() / 1e3);
        calibrate();
        warmUp();

        Latencies[] idle = freshness(settings.probes(), () -> false);
        say("freshness idle:       payment -> commission %s; -> notification %s", idle[0], idle[1]);

        Load sustainedLoad = new Load(settings.clients(), 0);
        Throughput sustained = sustainedLoad.runFor(settings.phase(), () -> freshness(settings.probes(),
                sustainedLoad::stopped));
        Latencies[] atSustained = sustainedLoad.probeResults;
        say("sustained (%d closed-loop clients): %d lifecycles, %.0f HTTP commands/s, command %s",
                settings.clients(), sustained.lifecycles(), sustained.commandsPerSecond(), sustained.commandLatency());
        say("  referral events fully processed: %.0f/s (all effects visible %.1f s after the load stopped)",
                sustained.eventsPerSecond(), sustained.drainSeconds());
        say("freshness sustained:  payment -> commission %s; -> notification %s", atSustained[0], atSustained[1]);

        double halfRate = Math.max(0.5, sustained.eventsPerSecond() / EVENTS_PER_LIFECYCLE / 2);
        Load halfLoad = new Load(settings.clients(), halfRate);
        Throughput half = halfLoad.runFor(settings.phase(), () -> freshness(settings.probes(), halfLoad::stopped));
        Latencies[] atHalf = halfLoad.probeResults;
        say("half load (%.1f lifecycles/s open loop): %.0f referral events/s processed, command %s",
                halfRate, half.eventsPerSecond(), half.commandLatency());
        say("freshness half load:  payment -> commission %s; -> notification %s", atHalf[0], atHalf[1]);

        long events = Math.max(1000, sustained.lifecycles() * EVENTS_PER_LIFECYCLE);
        double bare = bareBaseline(events);
        say("bare baseline: %d records of the same size produced, consumed and inserted with plain clients: %.0f/s",
                events, bare);

        double[] gatewayVsDirect = gatewayVsDirect();
        say("GET /api/referrals/{id} with 8 connections: gateway %.0f/s, direct %.0f/s", gatewayVsDirect[0],
                gatewayVsDirect[1]);

        double twoInstances = Double.NaN;
        double oneInstance = Double.NaN;
        if (settings.twoInstances()) {
            // the reference for the ratio, measured just before: the sustained phase ran minutes earlier on JVMs
            // less warm, and dividing by it credited the second set with the JIT's progress
            Throughput reference = new Load(settings.clients(), 0).runFor(settings.phase(),
                    () -> new Latencies[]{Latencies.of(List.of()), Latencies.of(List.of())});
            oneInstance = reference.eventsPerSecond();
            say("one instance of every service, just before (%d closed-loop clients): %.0f HTTP commands/s, "
                    + "%.0f referral events/s processed", settings.clients(), reference.commandsPerSecond(), oneInstance);
            String second = stack.startInstanceSet();
            Load both = new Load(settings.clients(), 0, List.of(api, new Api(second)));
            Throughput scaled = both.runFor(settings.phase(), () -> new Latencies[]{Latencies.of(List.of()),
                    Latencies.of(List.of())});
            twoInstances = scaled.eventsPerSecond();
            say("two instances of every service and gateway (%d clients over both gateways): %.0f HTTP commands/s, "
                    + "%.0f referral events/s processed", settings.clients(), scaled.commandsPerSecond(), twoInstances);
            // the history below changes a service's store while it is stopped: no second instance may be using it
            stack.stopInstanceSet();
        }

        List<History> histories = new ArrayList<>();
        StoredHistory referrals = StoredHistory.copying(stack.options().mongoUri(REFERRAL_DB), REFERRAL_DB,
                calibrationReferral);
        for (long size : settings.histories()) {
            History history = history(referrals, size);
            histories.add(history);
            say("history of %d stored events: %.0f HTTP commands/s, command %s; %.0f referral events/s processed; "
                    + "the relay drained a backlog of %d events at %.0f events/s", history.storedEvents(),
                    history.load().commandsPerSecond(), history.load().commandLatency(),
                    history.load().eventsPerSecond(), history.backlogEvents(), history.relayEventsPerSecond());
        }

        List<Replay> replays = new ArrayList<>();
        if (settings.replayEvents() >= 0) {
            replays.addAll(replayReferrals(referrals));
            replays.add(replayCommissions());
        }
        for (Replay replay : replays) {
            say("replay: %s's read models rebuilt from %d stored events in %.1f s (%.0f events/s); the plain driver "
                            + "reads the same %d stored events in %.1f s (%.0f events/s)",
                    replay.service(), replay.storedEvents(), replay.millis() / 1e3, replay.eventsPerSecond(),
                    replay.bare().events(), replay.bare().millis() / 1e3, replay.bare().eventsPerSecond());
        }

        say("ratio e2e / bare:         %.3f", sustained.eventsPerSecond() / bare);
        for (Replay replay : replays) {
            say("ratio %s rebuild / bare read: %.3f", replay.service(),
                    replay.eventsPerSecond() / replay.bare().eventsPerSecond());
        }
        say("ratio gateway / direct:   %.3f", gatewayVsDirect[0] / gatewayVsDirect[1]);
        if (settings.twoInstances()) {
            say("ratio 2 instances / 1:    %.3f (against one instance just before)", twoInstances / oneInstance);
        }
        if (histories.size() > 1) {
            History small = histories.get(0);
            History large = histories.get(histories.size() - 1);
            String label = "%dk / %dk".formatted(large.storedEvents() / 1000, small.storedEvents() / 1000);
            say("ratio %s command p50: %.3f, p99: %.3f (lower is better)", label,
                    large.load().commandLatency().p50() / small.load().commandLatency().p50(),
                    large.load().commandLatency().p99() / small.load().commandLatency().p99());
            say("ratio %s relay rate:  %.3f", label, large.relayEventsPerSecond() / small.relayEventsPerSecond());
        }
        return new Report(sustained, half, bare, idle[0], idle[1], atHalf[0], atHalf[1], atSustained[0],
                atSustained[1], gatewayVsDirect[0], gatewayVsDirect[1], histories, replays, log.lines());
    }

    /**
     * The sustained load in slices of one phase until the warm-up time is spent, each slice's rate printed: how the
     * JIT of seven JVMs changes the numbers, and where they settle before the measured phases start.
     */
    private void warmUp() throws Exception {
        long slices = settings.warmUp().isZero() ? 0
                : Math.max(1, settings.warmUp().toMillis() / settings.phase().toMillis());
        for (long slice = 1; slice <= slices; slice++) {
            Throughput warming = new Load(settings.clients(), 0).runFor(settings.phase(),
                    () -> new Latencies[]{Latencies.of(List.of()), Latencies.of(List.of())});
            say("warm-up %d/%d (%d closed-loop clients, not measured): %.0f HTTP commands/s, command %s", slice,
                    slices, settings.clients(), warming.commandsPerSecond(), warming.commandLatency());
        }
    }

    // ------------------------------------------------------------------------------------------ history and replay

    private static final String REFERRAL_DB = "rapport-referral";
    private static final String COMMISSION_DB = "rapport-commission";

    /**
     * Grows referral-service's store to {@code size} events already processed, plus a backlog the relay has not sent
     * (copies of the calibration referral, stored while the service is stopped); measures how fast the restarted relay
     * drains the backlog, waits until its effects are visible, then runs a closed-loop load.
     */
    private History history(StoredHistory referrals, long size) throws Exception {
        StoredHistory.Appended[] backlog = new StoredHistory.Appended[1];
        stack.restartAfter("referral-service", () -> {
            referrals.growTo(size, true);
            backlog[0] = referrals.append(settings.backlogLifecycles(), false);
        });
        Set<String> aggregates = backlog[0].aggregates();
        List<ConsumerRecord<String, byte[]>> relayed = CloudEventTopics.at(stack.options().kafkaBootstrapServers())
                .readKeys("referral-events", aggregates::contains, (int) backlog[0].events(), settings.drainLimit());
        if (relayed.size() < backlog[0].events()) {
            throw new IllegalStateException("the relay sent " + relayed.size() + " of a backlog of "
                    + backlog[0].events());
        }
        long first = relayed.stream().mapToLong(ConsumerRecord::timestamp).min().orElseThrow();
        long last = relayed.stream().mapToLong(ConsumerRecord::timestamp).max().orElseThrow();
        double relayRate = relayed.size() / Math.max(0.001, (last - first) / 1e3);
        backlogLifecycles += settings.backlogLifecycles();
        awaitCalibrationPartner(PAYMENTS * (1 + backlogLifecycles));
        Load load = new Load(settings.clients(), 0);
        Throughput throughput = load.runFor(settings.phase(), () -> new Latencies[]{Latencies.of(List.of()),
                Latencies.of(List.of())});
        return new History(size, throughput, backlog[0].events(), relayRate);
    }

    /**
     * The backlog's effects visible on the partner its copies belong to: a commission entry and a notification for
     * every payment (counts that do not depend on how fast the other notifications come).
     */
    private void awaitCalibrationPartner(long payments) {
        long deadline = System.nanoTime() + settings.drainLimit().toNanos();
        while (total("/api/commissions?partnerId=" + calibrationPartner + "&size=1") < payments
                || paymentNotifications(calibrationPartner) < payments) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the relay backlog's effects did not all arrive within "
                        + settings.drainLimit());
            }
            RunLog.pause(500);
        }
    }

    /**
     * Grows referral-service's store to the replay's size (more copies, already processed), then rebuilds twice: the
     * service was just restarted to grow its store, so the first rebuild runs while the JIT compiles; the second is
     * what operations meet on a service that has been running.
     */
    private List<Replay> replayReferrals(StoredHistory referrals) throws Exception {
        // a store already that large is replayed as it is: no restart
        if (referrals.stored() < settings.replayEvents()) {
            stack.restartAfter("referral-service", () -> referrals.growTo(settings.replayEvents(), true));
        }
        Api direct = new Api("http://127.0.0.1:" + stack.options().referralPort()).patient(Duration.ofHours(1));
        List<Api.Response> rebuilds = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Api.Response rebuilt = direct.post("/api/referrals/projections/rebuild", ops.get(), Map.of());
            if (rebuilt.status() != 200) {
                throw new IllegalStateException("referral rebuild: " + rebuilt);
            }
            rebuilds.add(rebuilt);
        }
        StoredHistory.Read bare = referrals.readAll();
        return List.of(
                new Replay("referral-service", rebuilds.get(0).json().path("eventsReplayed").asLong(),
                        rebuilds.get(0).json().path("millis").asLong(), bare),
                new Replay("referral-service (again, warm)", rebuilds.get(1).json().path("eventsReplayed").asLong(),
                        rebuilds.get(1).json().path("millis").asLong(), bare));
    }

    /** Grows commission-service's store with copies of what it stored about the calibration referral, then replays. */
    private Replay replayCommissions() throws Exception {
        StoredHistory commissions = StoredHistory.copying(stack.options().mongoUri(COMMISSION_DB), COMMISSION_DB,
                calibrationReferral);
        if (commissions.stored() < settings.replayEvents()) {
            stack.restartAfter("commission-service", () -> commissions.growTo(settings.replayEvents(), true));
        }
        Api direct = new Api("http://127.0.0.1:" + stack.options().commissionPort()).patient(Duration.ofHours(1));
        String admin = api.login("admin", "admin-dev-password");
        long begin = System.nanoTime();
        Api.Response replayed = direct.post("/api/commissions/read-models/replay", admin, Map.of());
        long millis = (System.nanoTime() - begin) / 1_000_000;
        if (replayed.status() != 200) {
            throw new IllegalStateException("commission replay: " + replayed);
        }
        return new Replay("commission-service", replayed.json().path("replayedEvents").asLong(), millis,
                commissions.readAll());
    }

    // ---------------------------------------------------------------------------------------------------- the load

    /** Closed-loop clients (rate 0) or an open-loop rate in lifecycles per second shared by the clients. */
    private final class Load {
        private final int clients;
        private final double lifecyclesPerSecond;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final ConcurrentLinkedQueue<Long> commandNanos = new ConcurrentLinkedQueue<>();
        private final AtomicLong lifecycles = new AtomicLong();
        private final List<String> partners = new ArrayList<>();
        private Latencies[] probeResults = {Latencies.of(List.of()), Latencies.of(List.of())};

        private final List<Api> gateways;

        Load(int clients, double lifecyclesPerSecond) {
            this(clients, lifecyclesPerSecond, List.of(api));
        }

        /** Clients spread over the gateways, client i on gateway i mod n. */
        Load(int clients, double lifecyclesPerSecond, List<Api> gateways) {
            this.clients = clients;
            this.lifecyclesPerSecond = lifecyclesPerSecond;
            this.gateways = gateways;
        }

        boolean stopped() {
            return stop.get();
        }

        Throughput runFor(Duration phase, Supplier<Latencies[]> probe) throws Exception {
            for (int i = 0; i < clients; i++) {
                partners.add(newPartner("load" + i));
            }
            ExecutorService threads = Executors.newFixedThreadPool(clients + 1);
            CountDownLatch done = new CountDownLatch(clients);
            long start = System.nanoTime();
            long intervalNanos = lifecyclesPerSecond > 0 ? (long) (1e9 * clients / lifecyclesPerSecond) : 0;
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (int c = 0; c < partners.size(); c++) {
                String partner = partners.get(c);
                Api gateway = gateways.get(c % gateways.size());
                running.add(threads.submit(() -> {
                    try {
                        long next = System.nanoTime();
                        while (!stop.get()) {
                            if (intervalNanos > 0) {
                                long wait = next - System.nanoTime();
                                if (wait > 0) {
                                    TimeUnit.NANOSECONDS.sleep(wait);
                                }
                                next += intervalNanos;
                            }
                            lifecycle(gateway, partner, commandNanos);
                            lifecycles.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                    return null;
                }));
            }
            var probing = threads.submit(probe::get);
            Thread.sleep(phase.toMillis());
            stop.set(true);
            done.await(2, TimeUnit.MINUTES);
            long loadEnd = System.nanoTime();
            probeResults = probing.get(5, TimeUnit.MINUTES);
            threads.shutdownNow();
            // a client whose call was refused left its lifecycle half done: say so now, rather than wait the drain
            // limit for effects that will never come
            for (var client : running) {
                if (client.isDone()) {
                    try {
                        client.get();
                    } catch (java.util.concurrent.ExecutionException failed) {
                        throw new IllegalStateException("a load client failed: " + failed.getCause().getMessage(),
                                failed.getCause());
                    }
                }
            }
            // processed = every effect of every lifecycle visible through the API
            long drained = drain(partners, lifecycles.get() / Math.max(1, clients), loadEnd);
            double seconds = (loadEnd - start) / 1e9;
            double toProcessed = (drained - start) / 1e9;
            long commands = commandNanos.size();
            return new Throughput(lifecycles.get(), commands, seconds, commands / seconds,
                    lifecycles.get() * EVENTS_PER_LIFECYCLE / toProcessed, (drained - loadEnd) / 1e9,
                    Latencies.of(new ArrayList<>(commandNanos)));
        }
    }

    /** One referral from submission to its third payment; records the latency of every command. */
    private String lifecycle(String partner, ConcurrentLinkedQueue<Long> commandNanos) {
        return lifecycle(api, partner, commandNanos);
    }

    private String lifecycle(Api api, String partner, ConcurrentLinkedQueue<Long> commandNanos) {
        String company = "Bench " + UUID.randomUUID();
        Map<String, Object> body = new java.util.HashMap<>(Journeys.referralBody(company,
                "c-" + UUID.randomUUID() + "@client.example"));
        body.put("partnerId", partner);
        String referral = timed(commandNanos, () -> api.post("/api/referrals", ops.get(), body), 201)
                .json().path("referralId").asText();
        timed(commandNanos, () -> api.post("/api/referrals/" + referral + "/qualify", ops.get(), Map.of()), 200);
        timed(commandNanos, () -> api.post("/api/referrals/" + referral + "/contract", ops.get(),
                Journeys.contract("9000.00", "EUR")), 200);
        for (int i = 0; i < PAYMENTS; i++) {
            String paymentId = "pay-" + i;
            timed(commandNanos, () -> api.post("/api/referrals/" + referral + "/payments", ops.get(),
                    Journeys.payment(paymentId, "3000.00", "EUR", "MILESTONE", "2026-11-20T10:00:00Z")), 200);
        }
        return referral;
    }

    private Api.Response timed(ConcurrentLinkedQueue<Long> into, Supplier<Api.Response> call, int expected) {
        long begin = System.nanoTime();
        Api.Response response = call.get();
        into.add(System.nanoTime() - begin);
        if (response.status() != expected && !(expected == 200 && response.status() == 201)) {
            throw new IllegalStateException("unexpected answer " + response);
        }
        return response;
    }

    /** Waits until every partner shows all the entries and notifications its lifecycles cause; returns when. */
    private long drain(List<String> partners, long ignored, long since) throws InterruptedException {
        long deadline = since + settings.drainLimit().toNanos();
        for (String partner : partners) {
            long lifecyclesOfPartner = countLifecycles(partner);
            while (total("/api/commissions?partnerId=" + partner + "&size=1") < lifecyclesOfPartner * entriesPerLifecycle
                    || paymentNotifications(partner) < lifecyclesOfPartner * PAYMENTS) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("effects of " + partner + " not visible within "
                            + settings.drainLimit());
                }
                Thread.sleep(20);
            }
        }
        return System.nanoTime();
    }

    /** How many payment-received notifications a partner has (every page of its list). */
    private long paymentNotifications(String partner) {
        long count = 0;
        for (int page = 0; ; page++) {
            JsonNode list = api.get("/api/notifications?partnerId=" + partner + "&size=200&page=" + page, ops.get()).json();
            for (JsonNode item : list.path("items")) {
                if (PAYMENT_RECEIVED.equals(item.path("eventType").asText())) {
                    count++;
                }
            }
            if ((page + 1) * 200L >= list.path("total").asLong()) {
                return count;
            }
        }
    }

    /** Whether the partner's newest notifications include the payment of this referral. */
    private boolean paymentNotified(String partner, String referral) {
        for (JsonNode item : api.get("/api/notifications?partnerId=" + partner + "&size=20", ops.get()).json().path("items")) {
            if (PAYMENT_RECEIVED.equals(item.path("eventType").asText())
                    && referral.equals(item.path("referralId").asText())) {
                return true;
            }
        }
        return false;
    }

    private long countLifecycles(String partner) {
        return total("/api/referrals?partnerId=" + partner + "&size=1");
    }

    private long total(String path) {
        Api.Response response = api.get(path, ops.get());
        if (response.status() != 200) {
            throw new IllegalStateException(path + ": " + response);
        }
        return response.json().path("total").asLong();
    }

    // ----------------------------------------------------------------------------------------------- freshness

    /**
     * Payment 2xx → its commission entry visible, and → its notification visible, measured by a probe partner of its
     * own (so its lists are short) while whatever else runs; polls every 20 ms.
     */
    private Latencies[] freshness(int probes, Supplier<Boolean> stopEarly) {
        String partner = newPartner("probe" + UUID.randomUUID().toString().substring(0, 4));
        List<Long> toCommission = new ArrayList<>();
        List<Long> toNotification = new ArrayList<>();
        for (int i = 0; i < probes && !stopEarly.get(); i++) {
            Map<String, Object> body = new java.util.HashMap<>(Journeys.referralBody("Probe " + UUID.randomUUID(),
                    "p-" + UUID.randomUUID() + "@client.example"));
            body.put("partnerId", partner);
            String referral = api.post("/api/referrals", ops.get(), body).json().path("referralId").asText();
            api.post("/api/referrals/" + referral + "/qualify", ops.get(), Map.of());
            api.post("/api/referrals/" + referral + "/contract", ops.get(), Journeys.contract("9000.00", "EUR"));
            Api.Response paid = api.post("/api/referrals/" + referral + "/payments", ops.get(),
                    Journeys.payment("probe", "3000.00", "EUR", "MILESTONE", "2026-11-20T10:00:00Z"));
            long begin = System.nanoTime();
            if (paid.status() != 200 && paid.status() != 201) {
                throw new IllegalStateException("probe payment: " + paid);
            }
            boolean commissionSeen = false;
            boolean notificationSeen = false;
            long limit = begin + Duration.ofSeconds(120).toNanos();
            while ((!commissionSeen || !notificationSeen) && System.nanoTime() < limit) {
                if (!commissionSeen && total("/api/commissions?referralId=" + referral + "&size=1") > 0) {
                    commissionSeen = true;
                    toCommission.add(System.nanoTime() - begin);
                }
                if (!notificationSeen && paymentNotified(partner, referral)) {
                    notificationSeen = true;
                    toNotification.add(System.nanoTime() - begin);
                }
                RunLog.pause(20);
            }
        }
        return new Latencies[]{Latencies.of(toCommission), Latencies.of(toNotification)};
    }

    /** Learns, from one quiet lifecycle, how many ledger entries and notifications a lifecycle causes. */
    private void calibrate() {
        String partner = newPartner("calibration");
        calibrationPartner = partner;
        calibrationReferral = lifecycle(partner, new ConcurrentLinkedQueue<>());
        entriesPerLifecycle = (int) settle("/api/commissions?partnerId=" + partner + "&size=1");
        notificationsPerLifecycle = (int) settle("/api/notifications?partnerId=" + partner + "&size=1");
        say("calibration: a lifecycle causes %d referral events, %d ledger entries, %d notifications",
                EVENTS_PER_LIFECYCLE, entriesPerLifecycle, notificationsPerLifecycle);
        if (entriesPerLifecycle != PAYMENTS || paymentNotifications(partner) != PAYMENTS) {
            throw new IllegalStateException("unexpected calibration: " + entriesPerLifecycle + " entries, "
                    + notificationsPerLifecycle + " notifications");
        }
    }

    /** The value of a list's total once it has not changed for two seconds. */
    private long settle(String path) {
        long value = -1;
        long stableSince = System.nanoTime();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            long now = total(path);
            if (now != value) {
                value = now;
                stableSince = System.nanoTime();
            } else if (value > 0 && System.nanoTime() - stableSince > Duration.ofSeconds(2).toNanos()) {
                return value;
            }
            RunLog.pause(100);
        }
        throw new IllegalStateException(path + " never settled");
    }

    // ---------------------------------------------------------------------------------------------- the ceiling

    /**
     * The same number of records, of the size the relay writes, produced to a fresh topic of the same broker,
     * consumed by a plain consumer and inserted into the same MongoDB server in batches: what this machine allows.
     */
    private double bareBaseline(long events) throws Exception {
        String bootstrap = stack.options().kafkaBootstrapServers();
        byte[] sample = sampleRecord(bootstrap);
        String topic = "bare-baseline-" + run;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        try (MongoClient mongo = MongoClients.create(stack.options().mongoUri("bare-baseline"));
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer());
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ConsumerConfig.GROUP_ID_CONFIG, topic,
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                     new StringDeserializer(), new ByteArrayDeserializer())) {
            MongoCollection<Document> collection = mongo.getDatabase("bare-baseline").getCollection(topic);
            consumer.subscribe(List.of(topic));
            consumer.poll(Duration.ofMillis(200));
            long start = System.nanoTime();
            Thread produce = new Thread(() -> {
                for (long i = 0; i < events; i++) {
                    producer.send(new ProducerRecord<>(topic, "key-" + (i % 512), sample));
                }
                producer.flush();
            });
            produce.start();
            long inserted = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (inserted < events && System.nanoTime() < deadline) {
                List<Document> batch = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    batch.add(new Document("_id", record.topic() + "-" + record.partition() + "-" + record.offset())
                            .append("key", record.key()).append("value", new org.bson.types.Binary(record.value())));
                }
                if (!batch.isEmpty()) {
                    collection.insertMany(batch);
                    inserted += batch.size();
                }
                consumer.commitSync();
            }
            produce.join();
            return inserted / ((System.nanoTime() - start) / 1e9);
        }
    }

    private byte[] sampleRecord(String bootstrap) {
        return CloudEventTopics.at(bootstrap).read("referral-events",
                        record -> new String(record.value(), java.nio.charset.StandardCharsets.UTF_8)
                                .contains("payment-received"), 1, Duration.ofSeconds(30))
                .stream().findFirst().map(ConsumerRecord::value)
                .orElseThrow(() -> new IllegalStateException("no payment-received record to size the baseline on"));
    }

    // ----------------------------------------------------------------------------------------- gateway vs direct

    private double[] gatewayVsDirect() throws Exception {
        String partner = newPartner("reader");
        Map<String, Object> body = new java.util.HashMap<>(Journeys.referralBody("Reader " + run,
                "reader-" + run + "@client.example"));
        body.put("partnerId", partner);
        String referral = api.post("/api/referrals", ops.get(), body).json().path("referralId").asText();
        String path = "/api/referrals/" + referral;
        Api gateway = api;
        Api direct = new Api("http://127.0.0.1:" + stack.options().referralPort());
        // both measured twice, alternating, so that neither profits from warming up first
        double g1 = rate(gateway, path);
        double d1 = rate(direct, path);
        double g2 = rate(gateway, path);
        double d2 = rate(direct, path);
        return new double[]{Math.max(g1, g2), Math.max(d1, d2)};
    }

    private double rate(Api target, String path) throws Exception {
        int connections = 8;
        int perConnection = Math.max(1, settings.directRequests() / connections);
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            running.add(threads.submit(() -> {
                for (int i = 0; i < perConnection; i++) {
                    if (target.get(path, ops.get()).status() != 200) {
                        failures.incrementAndGet();
                    }
                }
            }));
        }
        for (var future : running) {
            future.get();
        }
        threads.shutdown();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " GETs failed (rate limits must be off for this run)");
        }
        return connections * perConnection / ((System.nanoTime() - start) / 1e9);
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private String newPartner(String label) {
        Api.Response created = api.post("/api/partners", ops.get(), Map.of("name", "Bench " + label + " " + run,
                "email", label + "-" + run + "@bench.example", "language", "en"));
        if (created.status() != 201) {
            throw new IllegalStateException("partner: " + created);
        }
        return created.json().path("partnerId").asText();
    }

    private void say(String format, Object... args) {
        log.say(format, args);
    }


    static Instant now() {
        return Instant.now();
    }
}
