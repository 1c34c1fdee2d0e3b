package com.rapport.support.tracing;

import com.rapport.testsupport.CloudEventTopics;
import com.rapport.testsupport.TestInfrastructure;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With the shared defaults, a Kafka listener handles a record inside the trace of the record's {@code traceparent}
 * header: the current span, the logging MDC and the handled-record log line all carry its trace id; and a trace kept
 * as strings (a notification's CloudEvent) is continued later with a new span of the same trace. A real Spring Boot
 * application with Boot's own tracing auto-configuration, against a real broker.
 */
@ExtendWith(OutputCaptureExtension.class)
class TraceInKafkaListenersTest {

    static final String TOPIC = "trace-test-" + UUID.randomUUID();
    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    private static ConfigurableApplicationContext app;
    private static final String BOOTSTRAP = TestInfrastructure.shared().kafka().bootstrapServers();

    @BeforeAll
    static void start() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        }
        app = new SpringApplicationBuilder(ListenerApp.class).web(WebApplicationType.NONE)
                .properties("spring.application.name=trace-test", "spring.kafka.bootstrap-servers=" + BOOTSTRAP,
                        "trace-test.topic=" + TOPIC)
                .run();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aRecordIsHandledInTheTraceOfItsTraceparentHeaderAndLoggedWithItsTraceId(CapturedOutput output)
            throws Exception {
        String key = "r-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP), new StringSerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, key, "{}".getBytes());
            record.headers().add(TraceContexts.TRACEPARENT, TRACEPARENT.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }

        Listener listener = app.getBean(Listener.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> listener.handled.stream().anyMatch(h -> h.key.equals(key)));
        Handled handled = listener.handled.stream().filter(h -> h.key.equals(key)).findFirst().orElseThrow();
        assertThat(handled.spanTraceId).isEqualTo(TRACE_ID);
        assertThat(handled.mdcTraceId).isEqualTo(TRACE_ID);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getOut().lines()
                .filter(line -> line.contains("Handled " + TOPIC) && line.contains(key)))
                .singleElement().asString().contains(TRACE_ID));
    }

    @Test
    void aTraceKeptAsStringsContinuesLaterWithANewSpanOfTheSameTrace() {
        TraceContexts traces = app.getBean(TraceContexts.class);
        try (TraceContexts.Continued continued = traces.continueFrom(TraceContexts.of(TRACEPARENT, null),
                "webhook")) {
            String sent = continued.headers().get(TraceContexts.TRACEPARENT);
            assertThat(sent).startsWith("00-" + TRACE_ID + "-").endsWith("-01").isNotEqualTo(TRACEPARENT);
            assertThat(MDC.get("traceId")).isEqualTo(TRACE_ID);
            assertThat(traces.current()).containsEntry(TraceContexts.TRACEPARENT, sent);
        }
        assertThat(traces.current()).isEmpty();
    }

    @Test
    void withoutATraceparentANewTraceBegins() {
        TraceContexts traces = app.getBean(TraceContexts.class);
        try (TraceContexts.Continued continued = traces.continueFrom(Map.of(), "webhook")) {
            assertThat(continued.headers().get(TraceContexts.TRACEPARENT)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]")
                    .doesNotContain(TRACE_ID);
        }
    }

    record Handled(String key, String spanTraceId, String mdcTraceId) {
    }

    static class Listener {

        final List<Handled> handled = new CopyOnWriteArrayList<>();
        private final Tracer tracer;

        Listener(Tracer tracer) {
            this.tracer = tracer;
        }

        @KafkaListener(topics = "${trace-test.topic}", groupId = "trace-test")
        void on(ConsumerRecord<String, byte[]> record) {
            Span span = tracer.currentSpan();
            handled.add(new Handled(record.key(), span == null ? null : span.context().traceId(),
                    MDC.get("traceId")));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({KafkaAutoConfiguration.class, ObservationAutoConfiguration.class,
            OpenTelemetryAutoConfiguration.class, MicrometerTracingAutoConfiguration.class,
            OpenTelemetryTracingAutoConfiguration.class, TracingConfiguration.class})
    static class ListenerApp {

        @Bean
        Listener listener(Tracer tracer) {
            return new Listener(tracer);
        }
    }
}
