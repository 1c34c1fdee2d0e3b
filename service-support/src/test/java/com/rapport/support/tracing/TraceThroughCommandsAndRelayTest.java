package com.rapport.support.tracing;

import com.rapport.events.CloudEvent;
import com.rapport.events.CloudEventCodec;
import com.rapport.events.Topics;
import com.rapport.events.referral.ReferralQualifiedV1;
import com.rapport.support.kafka.IntegrationEventPublisher;
import com.rapport.testsupport.CloudEventTopics;
import com.rapport.testsupport.TestInfrastructure;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trace of a request travels as plain W3C strings: into the command's metadata, the metadata of the events its
 * handler applies (so the event store keeps it), and from there onto the Kafka record a relay writes (CloudEvent
 * attribute and record header). Real Axon command bus, event store and tracking processor; a real broker.
 */
class TraceThroughCommandsAndRelayTest {

    private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder().setSampler(Sampler.alwaysOn()).build();
    private final io.opentelemetry.api.trace.Tracer otelTracer = tracerProvider.get("test");
    private final Tracer tracer = new OtelTracer(otelTracer, new OtelCurrentTraceContext(), event -> {
    });
    private final TraceContexts traces = new TraceContexts(tracer,
            new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otelTracer));
    private final EmbeddedEventStore store =
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final List<EventMessage<?>> applied = new CopyOnWriteArrayList<>();
    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();

    TraceThroughCommandsAndRelayTest() {
        CommandTraceMetaData trace = new CommandTraceMetaData(traces);
        bus.registerDispatchInterceptor(trace);
        bus.registerHandlerInterceptor(trace);
        // a handler that applies one event, as an aggregate does
        bus.subscribe(ReferralQualifiedV1.class.getName(), command -> {
            store.publish(GenericEventMessage.asEventMessage(command.getPayload()));
            return null;
        });
        store.subscribe(applied::addAll);
    }

    @AfterEach
    void shutDown() {
        store.shutDown();
        tracerProvider.close();
    }

    @Nested
    class ACommand {

        @Test
        void sentInsideASpanCarriesItsTraceparentAndItsEventsAreStoredWithIt() throws Exception {
            Span request = tracer.nextSpan().name("POST /api/referrals").start();
            try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
                dispatch(new ReferralQualifiedV1("r-" + UUID.randomUUID(), "p-1"));
            } finally {
                request.end();
            }

            assertThat(applied).hasSize(1);
            Object stored;
            try (var events = store.openStream(null)) {
                stored = events.nextAvailable().getMetaData().get(TraceContexts.TRACEPARENT);
            }
            assertThat(stored)
                    .isEqualTo("00-" + request.context().traceId() + "-" + request.context().spanId() + "-01");
        }

        @Test
        void thatAlreadyCarriesATraceKeepsIt() throws Exception {
            String given = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
            CommandMessage<?> command = GenericCommandMessage.asCommandMessage(new ReferralQualifiedV1("r-1", "p-1"))
                    .andMetaData(Map.of(TraceContexts.TRACEPARENT, given));
            Span other = tracer.nextSpan().start();
            try (Tracer.SpanInScope ignored = tracer.withSpan(other)) {
                dispatch(command);
            } finally {
                other.end();
            }
            assertThat(applied.get(0).getMetaData().get(TraceContexts.TRACEPARENT)).isEqualTo(given);
        }

        @Test
        void sentOutsideAnyTraceCarriesNone() throws Exception {
            dispatch(new ReferralQualifiedV1("r-1", "p-1"));
            assertThat(applied.get(0).getMetaData()).doesNotContainKey(TraceContexts.TRACEPARENT);
        }
    }

    /**
     * A WebFlux request keeps its observation in the Reactor context; with context propagation {@code limited} (the
     * services' setting) no operator makes it a ThreadLocal by itself.
     */
    @Nested
    class SentFromAReactiveRequest {

        private final ObservationRegistry registry = ObservationRegistry.create();
        private final CommandGateway commands = DefaultCommandGateway.builder().commandBus(bus).build();

        SentFromAReactiveRequest() {
            registry.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));
        }

        @Test
        void throughTracedCommandsCarriesTheRequestsTrace() {
            Observation request = Observation.start("http.server.requests", registry);
            try {
                TracedCommands.send(commands, new ReferralQualifiedV1("r-1", "p-1"))
                        .contextWrite(Context.of(ObservationThreadLocalAccessor.KEY, request))
                        .block(Duration.ofSeconds(10));
            } finally {
                request.stop();
            }

            TracingObservationHandler.TracingContext tracing =
                    request.getContextView().getRequired(TracingObservationHandler.TracingContext.class);
            TraceContext span = tracing.getSpan().context();
            assertThat(applied.get(0).getMetaData().get(TraceContexts.TRACEPARENT))
                    .isEqualTo("00-" + span.traceId() + "-" + span.spanId() + "-01");
        }

        @Test
        void throughAPlainFutureCarriesNoneWhichIsWhyTracedCommandsExists() {
            Observation request = Observation.start("http.server.requests", registry);
            try {
                Mono.fromFuture(() -> commands.send(new ReferralQualifiedV1("r-1", "p-1")))
                        .contextWrite(Context.of(ObservationThreadLocalAccessor.KEY, request))
                        .block(Duration.ofSeconds(10));
            } finally {
                request.stop();
            }

            assertThat(applied.get(0).getMetaData()).doesNotContainKey(TraceContexts.TRACEPARENT);
        }
    }

    @Test
    void theRelayPutsTheStoredTraceOnTheKafkaRecordAsCloudEventAttributeAndHeader() throws Exception {
        String bootstrap = TestInfrastructure.shared().kafka().bootstrapServers();
        String topic = Topics.REFERRAL_EVENTS;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
            }
        }
        String referral = "traced-" + UUID.randomUUID();
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        dispatch(GenericCommandMessage.asCommandMessage(new ReferralQualifiedV1(referral, "p-1"))
                .andMetaData(Map.of(TraceContexts.TRACEPARENT, traceparent, TraceContexts.TRACESTATE, "rapport=t")));

        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer()));
        IntegrationEventPublisher publisher = new IntegrationEventPublisher(template, new CloudEventCodec("/test"),
                Duration.ofSeconds(30));
        EventMessageHandler relay = event -> {
            publisher.publish(event.getIdentifier(), event.getTimestamp().truncatedTo(ChronoUnit.MILLIS),
                    (ReferralQualifiedV1) event.getPayload());
            return null;
        };
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name("trace-relay-test")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(relay).build())
                .messageSource(store)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(org.axonframework.common.transaction.NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing())
                .build();
        processor.start();
        List<ConsumerRecord<String, byte[]>> records;
        try {
            records = CloudEventTopics.at(bootstrap).readKeys(topic, referral::equals, 1, Duration.ofSeconds(30));
        } finally {
            processor.shutDown();
            template.destroy();
        }

        assertThat(records).hasSize(1);
        CloudEvent event = CloudEventTopics.at(bootstrap).envelope(records.get(0));
        assertThat(event.traceparent()).isEqualTo(traceparent);
        assertThat(event.tracestate()).isEqualTo("rapport=t");
        assertThat(header(records.get(0), TraceContexts.TRACEPARENT)).isEqualTo(traceparent);
        assertThat(header(records.get(0), TraceContexts.TRACESTATE)).isEqualTo("rapport=t");
    }

    private void dispatch(Object payload) throws Exception {
        dispatch(GenericCommandMessage.asCommandMessage(payload));
    }

    private void dispatch(CommandMessage<?> command) throws Exception {
        FutureCallback<Object, Object> done = new FutureCallback<>();
        bus.dispatch(command, done);
        done.getResult(10, TimeUnit.SECONDS);
        assertThat(done.get(10, TimeUnit.SECONDS).isExceptional()).isFalse();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
