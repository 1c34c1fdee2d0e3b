package com.rapport.referral.config;

import com.rapport.referral.referral.claim.ClientClaimRelease;
import com.rapport.referral.relay.IntegrationEventRelay;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tracking processors (the Kafka relay, the release of client claims) let handler errors propagate: the
 * processor then retries the same event with backoff and its token never moves past an event not handled. The
 * processors' modes are in application.yml.
 */
@Configuration(proxyBeanMethods = false)
public class EventProcessingConfiguration {

    @Bean
    public ConfigurerModule propagateTrackingErrors() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(IntegrationEventRelay.GROUP,
                        configuration -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(ClientClaimRelease.GROUP,
                        configuration -> PropagatingErrorHandler.instance()));
    }
}
