package com.rapport.localstack;

import com.rapport.testsupport.SmtpServerHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * The whole Rapport system on one machine with nothing but Java: a Kafka broker (KRaft), a file-backed
 * MongoDB-wire-protocol server, an SMTP server with a mail view, the three services and the gateway, each service in
 * its own JVM from its executable jar with the same environment variables it would get anywhere else.
 */
public final class LocalStack implements AutoCloseable {

    public static final List<String> SERVICES =
            List.of("referral-service", "commission-service", "notification-service", "gateway");

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration START_TIMEOUT = ServiceProcess.START_TIMEOUT;

    private final StackOptions options;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, Supervisor> supervisors = new LinkedHashMap<>();
    private final CountDownLatch givenUp = new CountDownLatch(1);
    /** One Idempotency-Key fingerprint secret for every process of this stack, restarted ones and second instances. */
    private final String fingerprintKey = UUID.randomUUID().toString();
    private int instanceSets = 1;
    private volatile String notReady;
    private volatile long startupMillis;
    private DatabaseProcess database;
    private SmtpServerHandle smtp;
    private KafkaBroker kafka;

    private LocalStack(StackOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Path root = projectRoot();
        StackOptions options = StackOptions.defaults(root);
        if (List.of(args).contains("--fresh")) {
            wipe(options.dataDir());
        }
        LocalStack stack = new LocalStack(options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping Rapport...");
            stack.close();
        }, "rapport-stop"));
        try {
            stack.startAll();
        } catch (Exception e) {
            log.error("Rapport did not start: {}", e.getMessage());
            System.exit(1);
        }
        System.out.println(stack.banner());
        // runs until Ctrl-C, or until a process keeps dying: then everything stops and the exit code says so
        stack.givenUp.await();
        log.error("Rapport is NOT READY: {}. Stopping everything.", stack.notReady);
        System.exit(1);
    }

    /** Starts everything and returns once every service reports healthy. */
    public static LocalStack start(StackOptions options) {
        LocalStack stack = new LocalStack(options);
        try {
            stack.startAll();
            return stack;
        } catch (Exception e) {
            stack.close();
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    private void startAll() throws Exception {
        long begin = System.nanoTime();
        Files.createDirectories(options.dataDir());
        database = track(new DatabaseProcess(options.dataDir().resolve("mongo").resolve("rapport.mv"),
                options.mongoPort(), options.dataDir().resolve("logs").resolve("database.log")));
        database.start();
        supervise(database);
        smtp = track(new SmtpServerHandle(options.smtpPort(), options.imapPort()));
        track(new MailView(smtp, options.mailViewPort()));
        // the services' JVMs boot while the broker starts: they reach for Kafka only late in their start
        for (String module : SERVICES) {
            ServiceProcess service = new ServiceProcess(module, options.jarOf(module), portOf(module),
                    environmentOf(module), options.dataDir().resolve("logs").resolve(module + ".log"));
            services.put(module, service);
            track(service);
            service.launch();
        }
        kafka = track(new KafkaBroker(options));
        kafka.start();
        supervise(kafka);
        log.info("Infrastructure up: kafka {}, mongodb 127.0.0.1:{}, smtp 127.0.0.1:{}",
                options.kafkaBootstrapServers(), options.mongoPort(), options.smtpPort());
        for (ServiceProcess service : services.values()) {
            service.awaitHealthy(START_TIMEOUT);
            supervise(service);
            log.info("{} is up on port {}", service.module(), service.port());
        }
        startupMillis = (System.nanoTime() - begin) / 1_000_000;
        log.info("Rapport started in {} s", startupMillis / 1000);
    }

    private void supervise(SupervisedChild child) {
        supervisors.put(child.name(), new Supervisor(child, Supervisor.Policy.DEFAULT, (name, why) -> {
            notReady = name + " " + why;
            givenUp.countDown();
        }));
    }

    /**
     * Starts one more instance of every service, and a gateway of its own that routes to them, against the same
     * broker and database (ARCHITECTURE.md's scale-out: Kafka consumer groups and Axon's token claims split the work;
     * both gateways issue and accept the same tokens from the signing key they share in the database). The new
     * processes are named {@code <module>#<n>} ({@link #crash}, {@link #restart}, {@link #pidOf} take these names) and
     * are supervised like the others. Returns the new gateway's address.
     */
    public synchronized String startInstanceSet() throws InterruptedException {
        int set = ++instanceSets;
        Map<String, Integer> ports = new HashMap<>();
        for (String module : SERVICES) {
            ports.put(module, com.rapport.testsupport.FreePorts.next());
        }
        List<ServiceProcess> launched = new ArrayList<>();
        for (String module : SERVICES) {
            Map<String, String> env = environmentOf(module);
            env.put("SERVER_PORT", String.valueOf(ports.get(module)));
            if (module.equals("gateway")) {
                env.put("RAPPORT_SERVICES_REFERRAL_URI", "http://127.0.0.1:" + ports.get("referral-service"));
                env.put("RAPPORT_SERVICES_COMMISSION_URI", "http://127.0.0.1:" + ports.get("commission-service"));
                env.put("RAPPORT_SERVICES_NOTIFICATION_URI", "http://127.0.0.1:" + ports.get("notification-service"));
            }
            String name = module + "#" + set;
            ServiceProcess service = new ServiceProcess(name, options.jarOf(module), ports.get(module), env,
                    options.dataDir().resolve("logs").resolve(module + "-" + set + ".log"));
            services.put(name, service);
            track(service);
            service.launch();
            launched.add(service);
        }
        for (ServiceProcess service : launched) {
            service.awaitHealthy(START_TIMEOUT);
            supervise(service);
            log.info("{} is up on port {}", service.module(), service.port());
        }
        return "http://127.0.0.1:" + ports.get("gateway");
    }

    /** Stops the processes {@link #startInstanceSet} started last (gracefully: their tokens and claims are released). */
    public synchronized void stopInstanceSet() {
        if (instanceSets < 2) {
            throw new IllegalStateException("no instance set was started");
        }
        String suffix = "#" + instanceSets--;
        List<ServiceProcess> stopping = new ArrayList<>();
        for (String name : services.keySet().stream().filter(name -> name.endsWith(suffix)).toList()) {
            supervisors.remove(name).stopWatching();
            stopping.add(services.remove(name));
            started.remove(stopping.get(stopping.size() - 1));
        }
        stopping.parallelStream().forEach(LocalStack::closeQuietly);
    }

    /** How long {@link #start} took, from launching the database to every service healthy. */
    public long startupMillis() {
        return startupMillis;
    }

    /** The port a service process listens on, by its name ({@code referral-service}, {@code referral-service#2}). */
    public int servicePort(String name) {
        return services.get(name).port();
    }

    /** Kills a service's JVM without warning ({@code kill -9}), as a crash would; its supervisor starts it again. */
    public void crash(String module) {
        services.get(module).kill();
    }

    /** Waits until a crashed service is healthy again (its supervisor restarts it). */
    public void restart(String module) throws InterruptedException {
        services.get(module).awaitBack(START_TIMEOUT, supervisors.get(module));
    }

    /**
     * Stops a service (gracefully), runs {@code whileStopped} and starts it again; returns once it is healthy. For
     * work on a service's stored state that must not race the service itself (the benchmark's stored history).
     */
    public void restartAfter(String module, Runnable whileStopped) throws Exception {
        supervisors.get(module).restartNow(whileStopped);
    }

    /** Stops the Kafka broker and starts it again on the same log directory. */
    public void restartBroker() throws Exception {
        supervisors.get(kafka.name()).restartNow();
    }

    /** Kills the database process without warning ({@code kill -9}); its supervisor starts it again. */
    public void crashDatabase() {
        database.kill();
    }

    /** The operating system's id of a process of the stack ({@code database}, {@code kafka} or a service). */
    public long pidOf(String name) {
        SupervisedChild child = switch (name) {
            case "database" -> database;
            case "kafka" -> kafka;
            default -> services.get(name);
        };
        return child.process().pid();
    }

    /** How often the supervisor started a process again. */
    public int restartsOf(String name) {
        return supervisors.get(name).restarts();
    }

    /** Empty while every process runs; otherwise which one stays down and why. */
    public java.util.Optional<String> notReady() {
        return java.util.Optional.ofNullable(notReady);
    }

    public StackOptions options() {
        return options;
    }

    public SmtpServerHandle smtp() {
        return smtp;
    }

    public String gatewayUrl() {
        return options.gatewayUrl();
    }

    String banner() {
        return """

                ================================================================================
                 Rapport is ready:  http://localhost:%d
                 Log in:  POST /auth/token {"username":"admin","password":"admin-dev-password"}
                          also ops/ops-dev-password (OPS), finance/finance-dev-password (FINANCE)
                          -- default users for LOCAL USE ONLY --
                 Mail:    http://localhost:%d  (or IMAP 127.0.0.1:%d: user = recipient address, any password)
                 Kafka:   %s   MongoDB: mongodb://127.0.0.1:%d
                 Data:    %s   (delete it, or start with --fresh, to wipe)
                 Logs:    %s
                 Ctrl-C stops everything.
                ================================================================================
                """.formatted(options.gatewayPort(), options.mailViewPort(), options.imapPort(),
                options.kafkaBootstrapServers(), options.mongoPort(), options.dataDir(),
                options.dataDir().resolve("logs"));
    }

    private int portOf(String module) {
        return switch (module) {
            case "referral-service" -> options.referralPort();
            case "commission-service" -> options.commissionPort();
            case "notification-service" -> options.notificationPort();
            case "gateway" -> options.gatewayPort();
            default -> throw new IllegalArgumentException(module);
        };
    }

    private Map<String, String> environmentOf(String module) {
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_PORT", String.valueOf(portOf(module)));
        env.put("SPRING_PROFILES_ACTIVE", options.profile());
        env.put("SPRING_DATA_MONGODB_URI", options.mongoUri(module.equals("gateway") ? "rapport-gateway"
                : "rapport-" + module.replace("-service", "")));
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", options.kafkaBootstrapServers());
        env.put("SPRING_MAIL_HOST", "127.0.0.1");
        env.put("SPRING_MAIL_PORT", String.valueOf(options.smtpPort()));
        env.put("RAPPORT_JWK_SET_URI", options.gatewayUrl() + "/.well-known/jwks.json");
        env.put("RAPPORT_TOKEN_ISSUER", "http://localhost:" + options.gatewayPort());
        // a retry after a crash (CrashRecoveryIT, FaultUnderLoadIT) must be recognised by the restarted process
        env.put("RAPPORT_IDEMPOTENCY_FINGERPRINT_KEY", fingerprintKey);
        if (module.equals("gateway")) {
            env.put("RAPPORT_SERVICES_REFERRAL_URI", "http://127.0.0.1:" + options.referralPort());
            env.put("RAPPORT_SERVICES_COMMISSION_URI", "http://127.0.0.1:" + options.commissionPort());
            env.put("RAPPORT_SERVICES_NOTIFICATION_URI", "http://127.0.0.1:" + options.notificationPort());
            // the invitation and password-reset mails link to the portal this stack serves, on whatever port
            env.put("RAPPORT_ACCOUNTS_LINK_BASE_URL", "http://localhost:" + options.gatewayPort());
        }
        return env;
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.add(resource);
        return resource;
    }

    @Override
    public synchronized void close() {
        // supervision ends first: stopping a process is no crash to recover from
        supervisors.values().forEach(Supervisor::stopWatching);
        // the services first, all at once (each stops on its own time), then the infrastructure they used
        services.values().parallelStream().forEach(service -> closeQuietly(service));
        for (int i = started.size() - 1; i >= 0; i--) {
            if (!(started.get(i) instanceof ServiceProcess)) {
                closeQuietly(started.get(i));
            }
        }
        started.clear();
        services.clear();
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            log.warn("stopping {} failed: {}", resource, e.getMessage());
        }
    }

    /** The directory holding the parent pom and the service modules (the working directory or one above it). */
    public static Path projectRoot() {
        String configured = System.getProperty("rapport.project.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("referral-service"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("run from the Rapport project directory (the one with referral-service/)");
    }

    static void wipe(Path dataDir) throws java.io.IOException {
        if (Files.exists(dataDir)) {
            try (var paths = Files.walk(dataDir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
