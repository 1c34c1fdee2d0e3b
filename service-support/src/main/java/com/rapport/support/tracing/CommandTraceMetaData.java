package com.rapport.support.tracing;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Carries the W3C trace context through Axon: a command gets the {@code traceparent}/{@code tracestate} of the span
 * it is sent from (an HTTP request, a Kafka record) as metadata, or, when sent from an event handler, those of the
 * event being handled; the events its handler applies inherit them as correlation data, so they are stored with the
 * event and a relay can put them on the Kafka record. Strings in metadata only: no span is opened per command.
 */
public class CommandTraceMetaData implements MessageDispatchInterceptor<CommandMessage<?>>,
        MessageHandlerInterceptor<CommandMessage<?>> {

    private static final CorrelationDataProvider TRACE_CORRELATION =
            new SimpleCorrelationDataProvider(TraceContexts.TRACEPARENT, TraceContexts.TRACESTATE);

    private final TraceContexts traces;

    public CommandTraceMetaData(TraceContexts traces) {
        this.traces = traces;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (command.getMetaData().containsKey(TraceContexts.TRACEPARENT)) {
                return command;
            }
            Map<String, String> context = traces.current();
            if (context.isEmpty()) {
                context = ofMessageInHand();
            }
            return context.isEmpty() ? command : command.andMetaData(context);
        };
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork,
                         InterceptorChain interceptorChain) throws Exception {
        unitOfWork.registerCorrelationDataProvider(TRACE_CORRELATION);
        return interceptorChain.proceed();
    }

    /** The trace of the message whose handler is sending, e.g. an event processor reacting with a command. */
    public static Map<String, String> ofMessageInHand() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Map.of();
        }
        return ofMetaData(CurrentUnitOfWork.get().getMessage().getMetaData());
    }

    /** The trace context stored in a message's metadata; empty if it has none. */
    public static Map<String, String> ofMetaData(MetaData metaData) {
        return TraceContexts.of(string(metaData.get(TraceContexts.TRACEPARENT)),
                string(metaData.get(TraceContexts.TRACESTATE)));
    }

    private static String string(Object value) {
        return value instanceof String text ? text : null;
    }
}
