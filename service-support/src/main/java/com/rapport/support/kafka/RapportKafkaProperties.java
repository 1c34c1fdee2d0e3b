package com.rapport.support.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** {@code rapport.kafka.*}: topic layout and how long to wait for, and between, attempts. */
@ConfigurationProperties("rapport.kafka")
public class RapportKafkaProperties {

    private int partitions = 3;
    private short replicationFactor = 1;
    private Duration sendTimeout = Duration.ofSeconds(30);
    private Duration retryInitialInterval = Duration.ofMillis(500);
    private Duration retryMaxInterval = Duration.ofSeconds(30);
    /** Attempts at a record that fails for a reason other than an outage, before it is dead-lettered. */
    private int maxAttempts = 10;
    /** More exception class names (besides the database, broker and timeout failures) that mean "retry later". */
    private java.util.List<String> transientExceptions = new java.util.ArrayList<>();

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public java.util.List<String> getTransientExceptions() {
        return transientExceptions;
    }

    public void setTransientExceptions(java.util.List<String> transientExceptions) {
        this.transientExceptions = transientExceptions;
    }

    public int getPartitions() {
        return partitions;
    }

    public void setPartitions(int partitions) {
        this.partitions = partitions;
    }

    public short getReplicationFactor() {
        return replicationFactor;
    }

    public void setReplicationFactor(short replicationFactor) {
        this.replicationFactor = replicationFactor;
    }

    public Duration getSendTimeout() {
        return sendTimeout;
    }

    public void setSendTimeout(Duration sendTimeout) {
        this.sendTimeout = sendTimeout;
    }

    public Duration getRetryInitialInterval() {
        return retryInitialInterval;
    }

    public void setRetryInitialInterval(Duration retryInitialInterval) {
        this.retryInitialInterval = retryInitialInterval;
    }

    public Duration getRetryMaxInterval() {
        return retryMaxInterval;
    }

    public void setRetryMaxInterval(Duration retryMaxInterval) {
        this.retryMaxInterval = retryMaxInterval;
    }
}
