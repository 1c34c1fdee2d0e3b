package com.rapport.localstack;

import com.rapport.testsupport.FreePorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the local stack keeps its data and which ports it listens on. The defaults are the documented ones
 * (gateway 8080, Kafka 9092, MongoDB 27017, SMTP 3025, IMAP 3143, mail view 8025, data in {@code .rapport/});
 * {@link #ephemeral} picks free ports and a throw-away directory so tests never collide with a developer's stack.
 */
public record StackOptions(
        Path projectRoot,
        Path dataDir,
        int gatewayPort,
        int referralPort,
        int commissionPort,
        int notificationPort,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        int smtpPort,
        int imapPort,
        int mailViewPort,
        String profile) {

    public static StackOptions defaults(Path projectRoot) {
        Path data = env("RAPPORT_DATA_DIR").map(Path::of).orElse(projectRoot.resolve(".rapport"));
        return new StackOptions(projectRoot, data.toAbsolutePath(),
                port("RAPPORT_GATEWAY_PORT", 8080), port("RAPPORT_REFERRAL_PORT", 8081),
                port("RAPPORT_COMMISSION_PORT", 8082), port("RAPPORT_NOTIFICATION_PORT", 8083),
                port("RAPPORT_KAFKA_PORT", 9092), port("RAPPORT_KAFKA_CONTROLLER_PORT", 9093),
                port("RAPPORT_MONGO_PORT", 27017), port("RAPPORT_SMTP_PORT", 3025), port("RAPPORT_IMAP_PORT", 3143),
                port("RAPPORT_MAIL_VIEW_PORT", 8025), "local");
    }

    public static StackOptions ephemeral(Path projectRoot) {
        try {
            Path data = Files.createTempDirectory("rapport-stack-");
            return new StackOptions(projectRoot, data, FreePorts.next(), FreePorts.next(), FreePorts.next(),
                    FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                    FreePorts.next(), FreePorts.next(), "local");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    public String mongoUri(String database) {
        return "mongodb://127.0.0.1:" + mongoPort + "/" + database;
    }

    public Path jarOf(String module) {
        return projectRoot.resolve(module).resolve("target").resolve(module + ".jar");
    }

    private static java.util.Optional<String> env(String name) {
        return java.util.Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }

    private static int port(String variable, int fallback) {
        return env(variable).map(Integer::parseInt).orElse(fallback);
    }
}
