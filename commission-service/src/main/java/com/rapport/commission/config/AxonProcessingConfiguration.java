package com.rapport.commission.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every event handler here propagates its failure instead of logging it: the relay's tracking token must not move
 * past an event Kafka did not take, and a read model that could not be written must fail the command that caused
 * it (the Kafka record or the REST call is then retried) rather than silently fall behind.
 */
@Configuration
public class AxonProcessingConfiguration {

    @Bean
    public ConfigurerModule propagateHandlerFailures() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
