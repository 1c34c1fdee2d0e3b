package com.rapport.commission.config;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;

/**
 * Every event handler here propagates its failure instead of logging it. All of them run on tracking processors
 * (application.yml): the relay's token moves only after Kafka took the event, and a read model whose write failed
 * is not skipped: its processor retries from its last token, with back-off, until the write succeeds. The command
 * that stored the events has succeeded by then, so a failed projection never loses what the aggregate decided
 * (issue 10, defect 3). Callers that read right after a command get the {@link ReadYourWritesCommandGateway}.
 */
@Configuration
public class AxonProcessingConfiguration {

    /** The gateway for anything that reads a read model after its command: answers once the read models hold it. */
    public static final String READ_YOUR_WRITES = "readYourWritesCommandGateway";
    /** The gateway whose answer means "stored", without waiting for read models (the Kafka intake). */
    public static final String STORE_ONLY = "storeOnlyCommandGateway";

    @Bean
    public ConfigurerModule propagateHandlerFailures() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    @Bean(destroyMethod = "close")
    public ReadModelBarrier readModelBarrier(@Lazy EventProcessingConfiguration processing, @Lazy EventStore eventStore,
                                             ReadModelProperties properties) {
        return new ReadModelBarrier(processing, eventStore, properties);
    }

    @Bean(STORE_ONLY)
    public CommandGateway storeOnlyCommandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder().commandBus(commandBus).build();
    }

    @Bean(READ_YOUR_WRITES)
    @Primary
    public CommandGateway readYourWritesCommandGateway(@Qualifier(STORE_ONLY) CommandGateway storeOnly,
                                                       ReadModelBarrier barrier) {
        return new ReadYourWritesCommandGateway(storeOnly, barrier);
    }
}
