package com.rapport.support.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import java.util.HashMap;
import java.util.Map;

/**
 * W3C Trace Context as plain strings, for the places where a trace leaves a thread and comes back later: Axon message
 * metadata, the CloudEvent's distributed-tracing attributes and Kafka headers, a webhook call made from the delivery
 * queue. Works with whatever tracer Micrometer Tracing is bridged to; without one (tracing switched off) it carries
 * nothing and continues nothing.
 */
public class TraceContexts {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContexts(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Carries and continues nothing. */
    public static TraceContexts none() {
        return new TraceContexts(null, null);
    }

    /** The current span's {@code traceparent} (and {@code tracestate} if any); empty outside a span. */
    public Map<String, String> current() {
        if (tracer == null || propagator == null) {
            return Map.of();
        }
        Span span = tracer.currentSpan();
        return span == null ? Map.of() : headersOf(span);
    }

    /**
     * Starts a span that continues the trace of {@code carrier} ({@code traceparent}, {@code tracestate}), or a new
     * trace if it carries none, and makes it current on this thread (logs carry its trace id) until closed.
     */
    public Continued continueFrom(Map<String, String> carrier, String name) {
        if (tracer == null || propagator == null) {
            return new Continued(null, null, Map.of());
        }
        Span span = (carrier.containsKey(TRACEPARENT)
                ? propagator.extract(carrier, Map::get).name(name).start()
                : tracer.nextSpan().name(name).start());
        return new Continued(span, tracer.withSpan(span), headersOf(span));
    }

    /** A carrier of this trace context; empty without a {@code traceparent}. */
    public static Map<String, String> of(String traceparent, String tracestate) {
        Map<String, String> carrier = new HashMap<>(2);
        if (traceparent != null && !traceparent.isBlank()) {
            carrier.put(TRACEPARENT, traceparent);
            if (tracestate != null && !tracestate.isBlank()) {
                carrier.put(TRACESTATE, tracestate);
            }
        }
        return carrier;
    }

    private Map<String, String> headersOf(Span span) {
        Map<String, String> carrier = new HashMap<>(4);
        propagator.inject(span.context(), carrier, Map::put);
        // only the trace context: baggage stays inside the service
        carrier.keySet().retainAll(java.util.Set.of(TRACEPARENT, TRACESTATE));
        return carrier;
    }

    /** A continued trace, current on this thread until closed; {@link #headers()} are the ones to send on. */
    public static final class Continued implements AutoCloseable {

        private final Span span;
        private final Tracer.SpanInScope scope;
        private final Map<String, String> headers;

        Continued(Span span, Tracer.SpanInScope scope, Map<String, String> headers) {
            this.span = span;
            this.scope = scope;
            this.headers = Map.copyOf(headers);
        }

        public Map<String, String> headers() {
            return headers;
        }

        @Override
        public void close() {
            if (scope != null) {
                scope.close();
            }
            if (span != null) {
                span.end();
            }
        }
    }
}
