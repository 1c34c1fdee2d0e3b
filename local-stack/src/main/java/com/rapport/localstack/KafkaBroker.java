package com.rapport.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Apache Kafka in KRaft combined mode (one node is broker and controller), run as its own JVM from this launcher's
 * classpath with {@code kafka.Kafka}, its log in {@code <data>/kafka} so topics and consumer offsets survive a
 * restart like a real broker's.
 */
final class KafkaBroker implements SupervisedChild {

    private final StackOptions options;
    private final Path home;
    private volatile ChildProcess process;

    KafkaBroker(StackOptions options) {
        this.options = options;
        this.home = options.dataDir().resolve("kafka");
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public ChildProcess process() {
        return process;
    }

    @Override
    public void start() throws IOException, InterruptedException {
        Files.createDirectories(home);
        Path config = home.resolve("server.properties");
        Files.writeString(config, serverProperties());
        Path logConfig = home.resolve("logback-kafka.xml");
        Files.writeString(logConfig, """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n</pattern></encoder>
                  </appender>
                  <root level="WARN"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
        List<String> jvm = List.of("-Xmx512m", "-XX:+UseSerialGC", "-Dlogback.configurationFile=" + logConfig);
        Path logFile = options.dataDir().resolve("logs").resolve("kafka.log");
        if (!Files.exists(home.resolve("log").resolve("meta.properties"))) {
            // a fresh log directory must be formatted with a cluster id once, as kafka-storage.sh format does
            ChildProcess format = ChildProcess.java("kafka-format", jvm, "kafka.tools.StorageTool",
                    List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()), Map.of(), logFile);
            int exit = format.waitFor(Duration.ofMinutes(1));
            if (exit != 0) {
                throw new IllegalStateException("formatting Kafka storage failed (exit " + exit + "), see " + logFile);
            }
        }
        process = ChildProcess.java("kafka", jvm, "kafka.Kafka", List.of(config.toString()), Map.of(), logFile);
        awaitReady(Duration.ofMinutes(2));
    }

    private String serverProperties() {
        String broker = "127.0.0.1:" + options.kafkaPort();
        String controller = "127.0.0.1:" + options.kafkaControllerPort();
        List<String> lines = new ArrayList<>(List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + controller,
                "listeners=PLAINTEXT://" + broker + ",CONTROLLER://" + controller,
                "advertised.listeners=PLAINTEXT://" + broker,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + home.resolve("log"),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=-1"));
        return String.join("\n", lines) + "\n";
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.kafkaBootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited during start, see " + process.logFile());
            }
            try (Admin admin = Admin.create(config)) {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return;
            } catch (Exception notYet) {
                Thread.sleep(300);
            }
        }
        throw new IllegalStateException("Kafka did not start within " + timeout + ", see " + process.logFile());
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop(Duration.ofSeconds(15));
        }
    }
}
