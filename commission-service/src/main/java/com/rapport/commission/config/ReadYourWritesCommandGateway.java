package com.rapport.commission.config;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A command gateway whose answers come once the read models hold what the command did ({@link ReadModelBarrier}):
 * a REST call that sends a command and then reads a projection sees its own write, although the projections run
 * on tracking processors. A command sent from inside a unit of work (an event handler on a processor, another
 * command) is answered as soon as it is stored: waiting there could wait for the very processor that sends it.
 */
public class ReadYourWritesCommandGateway implements CommandGateway {

    private final CommandGateway delegate;
    private final ReadModelBarrier barrier;

    public ReadYourWritesCommandGateway(CommandGateway delegate, ReadModelBarrier barrier) {
        this.delegate = delegate;
        this.barrier = barrier;
    }

    @Override
    public <R> CompletableFuture<R> send(Object command) {
        if (CurrentUnitOfWork.isStarted()) {
            return delegate.send(command);
        }
        long mark = barrier.mark();
        return delegate.<R>send(command).thenCompose(result -> barrier.awaitAfter(mark).thenApply(ignored -> result));
    }

    @Override
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
        if (CurrentUnitOfWork.isStarted()) {
            delegate.send(command, callback);
            return;
        }
        long mark = barrier.mark();
        delegate.send(command, (CommandCallback<C, R>) (message, result) -> {
            if (result.isExceptional()) {
                callback.onResult(message, result);
            } else {
                barrier.awaitAfter(mark).whenComplete((ignored, error) -> callback.onResult(message, result));
            }
        });
    }

    @Override
    public <R> R sendAndWait(Object command) {
        try {
            return this.<R>send(command).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + command, e);
        } catch (ExecutionException e) {
            throw rethrown(e);
        }
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        try {
            return this.<R>send(command).get(timeout, unit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + command, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer in %d %s to %s".formatted(timeout, unit, command), e);
        } catch (ExecutionException e) {
            throw rethrown(e);
        }
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        return delegate.registerDispatchInterceptor(dispatchInterceptor);
    }

    private static RuntimeException rethrown(ExecutionException e) {
        return e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    }
}
