package com.rapport.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

/** A real Apache Kafka broker in KRaft mode: in this JVM, or in a container. */
public final class KafkaServerHandle implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker embedded;
    private final KafkaContainer container;

    private KafkaServerHandle(EmbeddedKafkaKraftBroker embedded, KafkaContainer container) {
        this.embedded = embedded;
        this.container = container;
    }

    public static KafkaServerHandle embedded(int partitions) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions);
        broker.brokerProperty("auto.create.topics.enable", "true");
        broker.brokerProperty("num.partitions", String.valueOf(partitions));
        broker.brokerProperty("offsets.topic.replication.factor", "1");
        broker.brokerProperty("transaction.state.log.replication.factor", "1");
        broker.brokerProperty("transaction.state.log.min.isr", "1");
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        return new KafkaServerHandle(broker, null);
    }

    public static KafkaServerHandle container() {
        KafkaContainer container = new KafkaContainer("apache/kafka:3.9.1");
        container.start();
        return new KafkaServerHandle(null, container);
    }

    public String bootstrapServers() {
        return embedded != null ? embedded.getBrokersAsString() : container.getBootstrapServers();
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.destroy();
        }
        if (container != null) {
            container.stop();
        }
    }
}
