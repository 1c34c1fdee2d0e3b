package com.rapport.support.tracing;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import java.util.function.Supplier;

/**
 * The request's ThreadLocals (its trace above all) restored from the Reactor context for one step. The services run
 * Reactor's context propagation in {@code limited} mode: restoring them around every operator of every request (the
 * {@code auto} mode) cost a sixth of the CPU of each command across the stack (BENCHMARKS.md, issue 9). What needs
 * the trace as a ThreadLocal asks for it here: a command's dispatch ({@link TracedCommands}), an error's log line.
 */
public final class RequestThreadLocals {

    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private RequestThreadLocals() {
    }

    /** {@code work} run when subscribed, with the subscriber's ThreadLocals in place while it runs. */
    public static <T> Mono<T> around(Supplier<? extends Mono<T>> work) {
        return Mono.deferContextual(context -> {
            try (ContextSnapshot.Scope ignored = SNAPSHOTS.setThreadLocalsFrom(context)) {
                return work.get();
            }
        });
    }

    /** {@code work} with the ThreadLocals of {@code context} in place, e.g. blocking work moved off the event loop. */
    public static void within(ContextView context, Runnable work) {
        try (ContextSnapshot.Scope ignored = SNAPSHOTS.setThreadLocalsFrom(context)) {
            work.run();
        }
    }
}
