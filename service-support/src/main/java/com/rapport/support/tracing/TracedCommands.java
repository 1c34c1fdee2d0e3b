package com.rapport.support.tracing;

import org.axonframework.commandhandling.gateway.CommandGateway;
import reactor.core.publisher.Mono;

/**
 * A command sent from a reactive request, when subscribed, with the request's trace current while it is dispatched,
 * so that {@link CommandTraceMetaData} puts its {@code traceparent} on the command (and so on its events and their
 * Kafka records). Never blocks: the answer is the gateway's future.
 */
public final class TracedCommands {

    private TracedCommands() {
    }

    public static <R> Mono<R> send(CommandGateway commands, Object command) {
        return RequestThreadLocals.around(() -> Mono.fromFuture(commands.<R>send(command)));
    }
}
