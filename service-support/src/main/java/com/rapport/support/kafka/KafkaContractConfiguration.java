package com.rapport.support.kafka;

import com.rapport.events.CloudEventCodec;
import com.rapport.events.Topics;
import com.rapport.events.UnprocessableEventException;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/**
 * The Kafka side of the contract: topics (created if missing), the CloudEvents codec, a publisher that waits for the
 * broker's acknowledgement, and the consumer error policy: a record no retry can fix goes to {@code <topic>.dlt} with
 * the reason in a header at once; an infrastructure outage (a database that is down) is retried with backoff for as
 * long as it lasts, so that a valid event is never dropped or overtaken; any other failure is retried a bounded number
 * of times and then dead-lettered with its reason ({@link ConsumerFailures}).
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(RapportKafkaProperties.class)
public class KafkaContractConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaContractConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    public CloudEventCodec cloudEventCodec(@Value("${spring.application.name:rapport}") String applicationName) {
        return new CloudEventCodec("/" + applicationName);
    }

    @Bean
    public KafkaAdmin.NewTopics rapportTopics(RapportKafkaProperties properties) {
        return new KafkaAdmin.NewTopics(
                topic(Topics.REFERRAL_EVENTS, properties),
                topic(Topics.deadLetterTopicOf(Topics.REFERRAL_EVENTS), properties),
                topic(Topics.COMMISSION_EVENTS, properties),
                topic(Topics.deadLetterTopicOf(Topics.COMMISSION_EVENTS), properties));
    }

    @Bean
    @ConditionalOnMissingBean
    public IntegrationEventPublisher integrationEventPublisher(KafkaTemplate<String, byte[]> kafkaTemplate,
                                                               CloudEventCodec codec,
                                                               RapportKafkaProperties properties) {
        return new IntegrationEventPublisher(kafkaTemplate, codec, properties.getSendTimeout());
    }

    @Bean
    @ConditionalOnMissingBean
    public ConsumerFailures consumerFailures(RapportKafkaProperties properties,
                                             ObjectProvider<MeterRegistry> meters) {
        return new ConsumerFailures(properties, meters.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    public DefaultErrorHandler deadLetterErrorHandler(KafkaOperations<String, byte[]> kafkaTemplate,
                                                      ConsumerFailures failures) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafkaTemplate,
                (record, error) -> new TopicPartition(Topics.deadLetterTopicOf(record.topic()), -1));
        recoverer.setHeadersFunction((record, error) -> {
            Throwable reason = error.getCause() != null ? error.getCause() : error;
            log.warn("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    reason.getMessage());
            failures.deadLettered(record, error);
            return new RecordHeaders(new RecordHeader[]{new RecordHeader(Topics.DEAD_LETTER_REASON_HEADER,
                    String.valueOf(reason.getMessage()).getBytes(StandardCharsets.UTF_8))});
        });
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer);
        handler.setBackOffFunction(failures::backOffFor);
        // a record that fails for another reason after an outage starts counting its attempts afresh
        handler.setResetStateOnExceptionChange(true);
        handler.setRetryListeners((record, error, attempt) -> {
            failures.retried(record, error);
            if (attempt == 1 || attempt % 10 == 0) {
                log.warn("Retrying {}-{}@{} (attempt {}, {}): {}", record.topic(), record.partition(),
                        record.offset(), attempt, failures.isTransient(error) ? "transient" : "failure",
                        String.valueOf(error.getMessage()));
            }
        });
        handler.addNotRetryableExceptions(UnprocessableEventException.class);
        return handler;
    }

    private static NewTopic topic(String name, RapportKafkaProperties properties) {
        return TopicBuilder.name(name)
                .partitions(properties.getPartitions())
                .replicas(properties.getReplicationFactor())
                .build();
    }
}
