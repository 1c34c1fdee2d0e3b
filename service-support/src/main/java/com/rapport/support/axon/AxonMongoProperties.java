package com.rapport.support.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** {@code rapport.axon.*}: how many commands run at once, how long a tracking-token claim lasts. */
@ConfigurationProperties("rapport.axon")
public class AxonMongoProperties {

    private int commandThreads = 8;
    private Duration tokenClaimTimeout = AxonMongoConfiguration.defaultClaimTimeout();

    public int getCommandThreads() {
        return commandThreads;
    }

    public void setCommandThreads(int commandThreads) {
        this.commandThreads = commandThreads;
    }

    public Duration getTokenClaimTimeout() {
        return tokenClaimTimeout;
    }

    public void setTokenClaimTimeout(Duration tokenClaimTimeout) {
        this.tokenClaimTimeout = tokenClaimTimeout;
    }
}
