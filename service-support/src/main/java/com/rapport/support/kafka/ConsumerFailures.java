package com.rapport.support.kafka;

import com.rapport.events.UnprocessableEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a consumer treats a record it failed to process. Three kinds of failure, told apart by the exception and its
 * causes:
 * <ul>
 * <li>the record itself is unusable ({@link UnprocessableEventException}): dead-lettered at once;</li>
 * <li>the infrastructure is away (the database, the broker, a timeout): retried with backoff for as long as it takes,
 * because the record is good and dead-lettering it would lose it;</li>
 * <li>anything else (a bug, an inconsistency no retry fixes): retried {@code maxAttempts} times, then dead-lettered
 * with the reason, so that one stuck record never blocks its partition.</li>
 * </ul>
 * Every retry and dead letter is counted ({@code rapport.consumer.retries}, {@code rapport.consumer.dead.letters}).
 */
public class ConsumerFailures {

    /** Exceptions (or their subclasses) that mean "try again later", by name so no driver is needed on the classpath. */
    static final List<String> TRANSIENT = List.of(
            "com.mongodb.MongoSocketException",
            "com.mongodb.MongoTimeoutException",
            "com.mongodb.MongoNotPrimaryException",
            "com.mongodb.MongoNodeIsRecoveringException",
            "com.mongodb.MongoConnectionPoolClearedException",
            "com.mongodb.MongoExecutionTimeoutException",
            "org.springframework.dao.TransientDataAccessException",
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.dao.RecoverableDataAccessException",
            "org.axonframework.common.AxonTransientException",
            "org.apache.kafka.common.errors.RetriableException",
            "java.net.ConnectException",
            "java.net.SocketTimeoutException",
            "java.util.concurrent.TimeoutException");

    private final Set<String> transientTypes;
    private final RapportKafkaProperties properties;
    private final MeterRegistry meters;

    public ConsumerFailures(RapportKafkaProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters == null ? new SimpleMeterRegistry() : meters;
        this.transientTypes = new HashSet<>(TRANSIENT);
        this.transientTypes.addAll(properties.getTransientExceptions());
    }

    public boolean isUnprocessable(Throwable error) {
        return causes(error).stream().anyMatch(UnprocessableEventException.class::isInstance);
    }

    /** Whether any cause, by its class or a superclass, is an infrastructure failure worth waiting out. */
    public boolean isTransient(Throwable error) {
        for (Throwable cause : causes(error)) {
            for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
                if (transientTypes.contains(type.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    public BackOff backOffFor(ConsumerRecord<?, ?> record, Exception error) {
        if (isUnprocessable(error)) {
            return new FixedBackOff(0, 0);
        }
        ExponentialBackOff backOff = new ExponentialBackOff(properties.getRetryInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.getRetryMaxInterval().toMillis());
        if (!isTransient(error)) {
            backOff.setMaxAttempts(Math.max(0, properties.getMaxAttempts() - 1));
        }
        return backOff;
    }

    public void retried(ConsumerRecord<?, ?> record, Exception error) {
        counter("rapport.consumer.retries", record.topic(), isTransient(error) ? "transient" : "failure").increment();
    }

    public void deadLettered(ConsumerRecord<?, ?> record, Exception error) {
        counter("rapport.consumer.dead.letters", record.topic(), isUnprocessable(error) ? "unprocessable" : "failure")
                .increment();
    }

    /** Shows a consumed topic's retry and dead-letter counters at zero from the start, so a rate reads 0, not nothing. */
    public void consumes(String topic) {
        counter("rapport.consumer.retries", topic, "transient");
        counter("rapport.consumer.retries", topic, "failure");
        counter("rapport.consumer.dead.letters", topic, "unprocessable");
        counter("rapport.consumer.dead.letters", topic, "failure");
    }

    private Counter counter(String name, String topic, String kind) {
        return Counter.builder(name).tag("topic", topic).tag("kind", kind).register(meters);
    }

    private static List<Throwable> causes(Throwable error) {
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable cause = error; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }
}
