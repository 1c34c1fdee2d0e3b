package com.rapport.testsupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;

/**
 * The infrastructure every test of a JVM shares, started once on first use and stopped when the JVM exits:
 * Kafka and MongoDB in containers when a Docker engine answers (or {@code -Drapport.test.infrastructure=containers}),
 * embedded servers speaking the same protocols otherwise ({@code =embedded} forces them); SMTP is always GreenMail.
 * Tests only ever see the standard Spring properties, exactly as the services do in production.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static volatile TestInfrastructure shared;

    private final KafkaServerHandle kafka;
    private final MongoServerHandle mongo;
    private final SmtpServerHandle smtp;

    private TestInfrastructure(KafkaServerHandle kafka, MongoServerHandle mongo, SmtpServerHandle smtp) {
        this.kafka = kafka;
        this.mongo = mongo;
        this.smtp = smtp;
    }

    public static TestInfrastructure shared() {
        if (shared == null) {
            synchronized (TestInfrastructure.class) {
                if (shared == null) {
                    shared = start();
                    Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "test-infrastructure-stop"));
                }
            }
        }
        return shared;
    }

    private static TestInfrastructure start() {
        boolean containers = useContainers();
        long started = System.nanoTime();
        KafkaServerHandle kafka = containers ? KafkaServerHandle.container() : KafkaServerHandle.embedded(3);
        MongoServerHandle mongo = containers ? MongoServerHandle.container()
                : MongoServerHandle.inMemory(FreePorts.next());
        SmtpServerHandle smtp = new SmtpServerHandle(FreePorts.next(), FreePorts.next());
        log.info("Test infrastructure ({}) up in {} ms: kafka={} mongo={} smtp=127.0.0.1:{}",
                containers ? "Testcontainers" : "embedded", (System.nanoTime() - started) / 1_000_000,
                kafka.bootstrapServers(), mongo.connectionString(), smtp.smtpPort());
        return new TestInfrastructure(kafka, mongo, smtp);
    }

    private static boolean useContainers() {
        String choice = System.getProperty("rapport.test.infrastructure", "auto");
        if (choice.equals("embedded")) {
            return false;
        }
        if (choice.equals("containers")) {
            return true;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public KafkaServerHandle kafka() {
        return kafka;
    }

    public MongoServerHandle mongo() {
        return mongo;
    }

    public SmtpServerHandle smtp() {
        return smtp;
    }

    /** Points a Spring test context at this infrastructure, with its own MongoDB database. */
    public void register(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
        registry.add("spring.data.mongodb.uri", () -> mongo.uri(database));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", smtp::smtpPort);
        // the broker may stop before a test context does (JVM shutdown hooks run in no set order): keep the clients'
        // goodbye short instead of the default minute
        registry.add("spring.kafka.consumer.properties.default.api.timeout.ms", () -> "5000");
        registry.add("spring.kafka.producer.properties.max.block.ms", () -> "5000");
        registry.add("spring.kafka.admin.close-timeout", () -> "5s");
    }

    private void stop() {
        smtp.close();
        kafka.close();
        mongo.close();
    }
}
