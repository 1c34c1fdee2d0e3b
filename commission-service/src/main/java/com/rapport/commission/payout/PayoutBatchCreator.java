package com.rapport.commission.payout;

import com.rapport.commission.config.CommissionProperties;
import com.rapport.commission.payout.PayoutCommands.CreatePayoutBatch;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates a batch: claims the lines ({@link PayoutClaimPlanner}), then opens the batch over what it claimed. If the
 * batch cannot be opened its claims are given back. Blocking: call it on a bounded-elastic thread.
 */
@Component
class PayoutBatchCreator {

    private final PayoutClaimPlanner planner;
    private final CommandGateway commands;
    private final Duration timeout;

    PayoutBatchCreator(PayoutClaimPlanner planner, CommandGateway commands, CommissionProperties properties) {
        this.planner = planner;
        this.commands = commands;
        this.timeout = properties.commandTimeout();
    }

    void create(String batchId, LocalDate asOf) {
        List<BatchLine> claimed = planner.claimLines(batchId, asOf);
        try {
            commands.send(new CreatePayoutBatch(batchId, asOf, claimed)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            planner.giveBack(batchId, claimed);
            throw new IllegalStateException("interrupted while opening batch " + batchId, e);
        } catch (ExecutionException | TimeoutException e) {
            planner.giveBack(batchId, claimed);
            throw new IllegalStateException("batch " + batchId + " could not be opened", e);
        }
    }
}
