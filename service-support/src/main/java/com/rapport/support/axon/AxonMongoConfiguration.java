package com.rapport.support.axon;

import com.mongodb.client.MongoClient;
import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTranslator;
import com.rapport.support.problem.ProblemTypes;
import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Axon with its events and tracking tokens in the service's own MongoDB database (Axon Server off), read by exact
 * keys ({@link ExactKeyEventStorageStrategy}); commands run on a bounded worker pool so that a WebFlux handler can
 * bridge them with {@code Mono.fromFuture} without ever blocking an event-loop thread.
 */
@AutoConfiguration(after = MongoAutoConfiguration.class, before = AxonAutoConfiguration.class)
@ConditionalOnClass({MongoEventStorageEngine.class, MongoClient.class})
@EnableConfigurationProperties({MongoProperties.class, AxonMongoProperties.class})
public class AxonMongoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public org.axonframework.extensions.mongo.MongoTemplate axonMongoTemplate(MongoClient client,
                                                                              MongoProperties mongo) {
        return DefaultMongoTemplate.builder().mongoDatabase(client, mongo.getMongoClientDatabase()).build();
    }

    @Bean
    @ConditionalOnMissingBean
    public EventStorageEngine eventStorageEngine(org.axonframework.extensions.mongo.MongoTemplate axonMongoTemplate,
                                                 MongoClient mongoClient, MongoProperties mongo,
                                                 Serializer defaultSerializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration) {
        MongoEventStorageEngine.Builder builder = MongoEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter());
        ExactKeyEventStorageStrategy strategy = new ExactKeyEventStorageStrategy(
                mongoClient.getDatabase(mongo.getMongoClientDatabase()).getCollection("eventcounters"));
        return ExactKeyMongoEventStorageEngine.create(builder, strategy, axonMongoTemplate);
    }

    @Bean
    @ConditionalOnMissingBean
    public TokenStore tokenStore(org.axonframework.extensions.mongo.MongoTemplate axonMongoTemplate,
                                 Serializer serializer, AxonMongoProperties properties) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .claimTimeout(properties.getTokenClaimTimeout())
                .build();
    }

    @Bean(destroyMethod = "shutdown")
    @Qualifier("commandExecutor")
    public ExecutorService axonCommandExecutor(AxonMongoProperties properties) {
        return Executors.newFixedThreadPool(properties.getCommandThreads(), runnable -> {
            Thread thread = new Thread(runnable);
            thread.setName("axon-command-" + thread.getId());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    @Qualifier("localSegment")
    @ConditionalOnMissingBean(CommandBus.class)
    public AsynchronousCommandBus commandBus(TransactionManager transactionManager,
                                             org.axonframework.config.Configuration configuration,
                                             DuplicateCommandHandlerResolver duplicateCommandHandlerResolver,
                                             @Qualifier("commandExecutor") ExecutorService commandExecutor) {
        AsynchronousCommandBus bus = AsynchronousCommandBus.builder()
                .executor(commandExecutor)
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .messageMonitor(configuration.messageMonitor(CommandBus.class, "commandBus"))
                .build();
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(configuration.correlationDataProviders()));
        return bus;
    }

    @Bean
    public ProcessorLagMetrics processorLagMetrics(org.axonframework.config.EventProcessingConfiguration processing,
                                                   org.axonframework.eventsourcing.eventstore.EventStore eventStore,
                                                   io.micrometer.core.instrument.MeterRegistry meters) {
        return new ProcessorLagMetrics(processing, eventStore, meters);
    }

    /** Rebuilding read models by Axon's token reset (see {@link ReadModelReplay}). */
    @Bean
    @ConditionalOnMissingBean
    public ReadModelReplay readModelReplay(org.axonframework.config.EventProcessingConfiguration processing,
                                           org.axonframework.eventsourcing.eventstore.EventStore eventStore) {
        return new ReadModelReplay(processing, eventStore);
    }

    /** Axon wraps or replaces handler exceptions; the caller should see the business refusal underneath. */
    @Bean
    public ProblemTranslator axonProblemTranslator() {
        return error -> {
            if (error instanceof CommandExecutionException execution && execution.getCause() != null) {
                return execution.getCause();
            }
            if (error instanceof AggregateNotFoundException notFound) {
                return new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
                        "%s does not exist".formatted(notFound.getAggregateIdentifier()));
            }
            if (error instanceof AggregateStreamCreationException) {
                return new ProblemException(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Already exists",
                        "a resource with this identifier already exists");
            }
            if (error instanceof ConcurrencyException) {
                return new ProblemException(HttpStatus.CONFLICT, ProblemTypes.CONCURRENT_MODIFICATION,
                        "Concurrent modification", "the resource was changed at the same time; retry the request");
            }
            return error;
        };
    }

    static Duration defaultClaimTimeout() {
        return Duration.ofSeconds(10);
    }
}
