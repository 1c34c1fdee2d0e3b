package com.rapport.support.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * W3C trace context across the pipeline (API.md "Operations"): Spring Boot traces HTTP requests (the gateway passes
 * {@code traceparent} on) and Kafka listeners ({@code spring.kafka.listener.observation-enabled}); this carries the
 * context through Axon commands into the stored events ({@link CommandTraceMetaData}), from there onto the Kafka
 * records ({@code IntegrationEventPublisher}), and logs each handled record inside its trace ({@link ConsumedRecordLog}).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration"})
@ConditionalOnClass(Tracer.class)
public class TracingConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public TraceContexts traceContexts(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceContexts(tracer.getIfUnique(), propagator.getIfUnique());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(CommandBus.class)
    static class AxonTracing {

        @Bean
        CommandTraceMetaData commandTraceMetaData(TraceContexts traces) {
            return new CommandTraceMetaData(traces);
        }

        /** On the bus itself, so that every gateway and every direct dispatch carries the trace. */
        @Bean
        SmartInitializingSingleton commandTraceRegistration(ObjectProvider<CommandBus> commandBus,
                                                            CommandTraceMetaData trace) {
            return () -> {
                CommandBus bus = commandBus.getIfUnique();
                if (bus != null) {
                    bus.registerDispatchInterceptor(trace);
                    bus.registerHandlerInterceptor(trace);
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RecordInterceptor.class)
    static class KafkaTracing {

        @Bean
        @ConditionalOnMissingBean(RecordInterceptor.class)
        RecordInterceptor<Object, Object> consumedRecordLog() {
            return new ConsumedRecordLog();
        }
    }
}
