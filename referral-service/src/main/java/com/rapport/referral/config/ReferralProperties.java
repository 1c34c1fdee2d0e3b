package com.rapport.referral.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code rapport.referral.*}: the business windows and limits of this service, set in application.yml.
 *
 * @param duplicateWindow how long after its submission a referral blocks another one for the same client,
 *                        even once rejected or lost (API.md: 180 days)
 * @param projectionWriteTimeout how long a read-model write may take before the event handler gives up
 * @param projectionResetTimeout how long deleting a read model's documents before a rebuild may take: unlike a write,
 *                               it grows with the store (16,000 referrals took more than 10 s on the local stack)
 * @param staleClaimGrace how long a client claim naming a referral that is not in the event store is still honoured
 *                        (its submission may be under way); after that it was left by a crash and may be taken over
 * @param storeTimeout how long one store call of the command side (a client claim, a contract number) may take
 *                     before the command fails instead of waiting on
 */
@ConfigurationProperties("rapport.referral")
public record ReferralProperties(
        @DefaultValue("180d") Duration duplicateWindow,
        @DefaultValue("10s") Duration projectionWriteTimeout,
        @DefaultValue("30m") Duration projectionResetTimeout,
        @DefaultValue("5m") Duration staleClaimGrace,
        @DefaultValue("10s") Duration storeTimeout) {
}
