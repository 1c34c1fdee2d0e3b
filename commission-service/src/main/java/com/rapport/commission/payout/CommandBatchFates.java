package com.rapport.commission.payout;

import com.rapport.commission.config.CommissionProperties;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Settles a batch's fate through its aggregate: {@link AbandonPayoutBatch} either finds the batch (it opened) or
 * writes its first event itself, and the event store's unique (aggregate, sequence) key lets only one of "open" and
 * "abandon" ever happen, on any number of instances. Blocking: bounded-elastic threads only.
 */
@Component
class CommandBatchFates implements BatchFates {

    // lazily: the claims (and so this) are needed by projections that the command bus's configuration builds
    private final ObjectProvider<CommandGateway> commands;
    private final Duration timeout;

    CommandBatchFates(ObjectProvider<CommandGateway> commands, CommissionProperties properties) {
        this.commands = commands;
        this.timeout = properties.commandTimeout();
    }

    @Override
    public BatchStatus settle(String batchId) {
        try {
            Object status = commands.getObject().send(new AbandonPayoutBatch(batchId))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return (BatchStatus) status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while settling batch " + batchId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the fate of batch " + batchId + " is not known yet", e);
        }
    }
}
