package com.rapport.localstack;

import com.rapport.testsupport.MongoServerHandle;
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
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final StackOptions options;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private MongoServerHandle mongo;
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
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping Rapport...");
            stack.close();
            stopped.countDown();
        }, "rapport-stop"));
        try {
            stack.startAll();
        } catch (Exception e) {
            log.error("Rapport did not start: {}", e.getMessage());
            System.exit(1);
        }
        System.out.println(stack.banner());
        stopped.await();
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
        mongo = track(MongoServerHandle.fileBacked(options.dataDir().resolve("mongo").resolve("rapport.mv"),
                options.mongoPort()));
        smtp = track(new SmtpServerHandle(options.smtpPort(), options.imapPort()));
        track(new MailView(smtp, options.mailViewPort()));
        kafka = track(new KafkaBroker(options));
        kafka.start();
        log.info("Infrastructure up: kafka {}, mongodb 127.0.0.1:{}, smtp 127.0.0.1:{}",
                options.kafkaBootstrapServers(), options.mongoPort(), options.smtpPort());

        for (String module : SERVICES) {
            ServiceProcess service = new ServiceProcess(module, options.jarOf(module), portOf(module),
                    environmentOf(module), options.dataDir().resolve("logs").resolve(module + ".log"));
            services.put(module, service);
            track(service);
            service.start();
        }
        for (ServiceProcess service : services.values()) {
            service.awaitHealthy(START_TIMEOUT);
            log.info("{} is up on port {}", service.module(), service.port());
        }
        log.info("Rapport started in {} s", (System.nanoTime() - begin) / 1_000_000_000);
    }

    /** Kills a service's JVM without warning ({@code kill -9}), as a crash would. */
    public void crash(String module) {
        services.get(module).kill();
    }

    /** Starts a stopped or crashed service again from its jar and waits until it is healthy. */
    public void restart(String module) throws InterruptedException {
        ServiceProcess service = services.get(module);
        service.start();
        service.awaitHealthy(START_TIMEOUT);
    }

    /** Stops the Kafka broker and starts it again on the same log directory. */
    public void restartBroker() throws java.io.IOException, InterruptedException {
        kafka.close();
        kafka.start();
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
        if (module.equals("gateway")) {
            env.put("RAPPORT_SERVICES_REFERRAL_URI", "http://127.0.0.1:" + options.referralPort());
            env.put("RAPPORT_SERVICES_COMMISSION_URI", "http://127.0.0.1:" + options.commissionPort());
            env.put("RAPPORT_SERVICES_NOTIFICATION_URI", "http://127.0.0.1:" + options.notificationPort());
        }
        return env;
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.add(resource);
        return resource;
    }

    @Override
    public synchronized void close() {
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
