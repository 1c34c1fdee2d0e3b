package com.rapport.commission.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.ZoneId;

/**
 * {@code rapport.commission.*}: the business calendar's zone (a payment's date, hence its payable date), how long a
 * Kafka record waits for its command and a projection for its write, and how many ledger entries a streamed read
 * holds at once (list sizes are service-support's {@code rapport.paging}).
 */
@ConfigurationProperties("rapport.commission")
public record CommissionProperties(ZoneId zone, Duration commandTimeout, Duration storeTimeout,
                                   int streamBatchSize) {
}
