package com.rapport.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Typed dispatch of received events: one handler per payload type, and one for the types a consumer does not act
 * on. A consumer builds it once; {@link #dispatch} calls the handler of the decoded payload's type.
 */
public final class EventHandlers {

    /** Acts on one type of event. */
    @FunctionalInterface
    public interface Handler<E extends IntegrationEvent> {

        void handle(CloudEventCodec.Decoded event, E payload);
    }

    private final Map<Class<? extends IntegrationEvent>, Handler<IntegrationEvent>> handlers;
    private final Consumer<CloudEventCodec.Decoded> otherwise;

    private EventHandlers(Map<Class<? extends IntegrationEvent>, Handler<IntegrationEvent>> handlers,
                          Consumer<CloudEventCodec.Decoded> otherwise) {
        this.handlers = Map.copyOf(handlers);
        this.otherwise = otherwise;
    }

    public static Builder builder() {
        return new Builder();
    }

    public void dispatch(CloudEventCodec.Decoded event) {
        Handler<IntegrationEvent> handler = handlers.get(event.payload().getClass());
        if (handler == null) {
            otherwise.accept(event);
        } else {
            handler.handle(event, event.payload());
        }
    }

    /** The payload types that have a handler. */
    public Set<Class<? extends IntegrationEvent>> handledTypes() {
        return handlers.keySet();
    }

    public static final class Builder {

        private final Map<Class<? extends IntegrationEvent>, Handler<IntegrationEvent>> handlers =
                new LinkedHashMap<>();

        private Builder() {
        }

        /** The handler of {@code type}; a second handler for the same type is a mistake and refused. */
        public <E extends IntegrationEvent> Builder on(Class<E> type, Handler<? super E> handler) {
            Handler<IntegrationEvent> typed = (event, payload) -> handler.handle(event, type.cast(payload));
            if (handlers.putIfAbsent(type, typed) != null) {
                throw new IllegalStateException("two handlers for " + type.getName());
            }
            return this;
        }

        /** What happens to the types without a handler (usually: nothing, they do not concern this consumer). */
        public EventHandlers otherwise(Consumer<CloudEventCodec.Decoded> fallback) {
            return new EventHandlers(handlers, fallback);
        }
    }
}
