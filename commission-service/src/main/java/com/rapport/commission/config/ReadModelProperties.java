package com.rapport.commission.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * {@code rapport.commission.read-models.*}: every streaming processor is a read model a command's caller may read
 * right after it, except {@code not-read-models} (the relay to Kafka); how long an answer waits for them at most
 * ({@code max-wait}) and how often it looks ({@code poll}).
 */
@ConfigurationProperties("rapport.commission.read-models")
public record ReadModelProperties(
        @DefaultValue("commission-relay") List<String> notReadModels,
        @DefaultValue("10s") Duration maxWait,
        @DefaultValue("10ms") Duration poll) {
}
