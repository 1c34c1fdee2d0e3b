package com.rapport.commission.payout;

import com.rapport.commission.config.CommissionProperties;
import com.rapport.commission.payout.PayoutCommands.CreatePayoutBatch;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates a batch: claims the lines ({@link PayoutClaimPlanner}), then opens the batch over what it claimed. If the
 * batch cannot be opened its claims are given back. The claiming is blocking and runs on bounded-elastic threads.
 */
@Component
class PayoutBatchCreator {

    private final PayoutClaimPlanner planner;
    private final PayoutRequests requests;
    private final CommandGateway commands;
    private final Duration timeout;

    PayoutBatchCreator(PayoutClaimPlanner planner, PayoutRequests requests, CommandGateway commands,
                       CommissionProperties properties) {
        this.planner = planner;
        this.requests = requests;
        this.commands = commands;
        this.timeout = properties.commandTimeout();
    }

    /**
     * Creates a batch and answers its id; with an {@code Idempotency-Key}, a retry answers the batch the first
     * request created (a key reused with another date is a 409), and a first request that failed frees its key.
     */
    Mono<String> create(LocalDate asOf, String idempotencyKey) {
        String proposed = UUID.randomUUID().toString();
        if (idempotencyKey == null) {
            return createBlocking(proposed, asOf).thenReturn(proposed);
        }
        return requests.reserve(idempotencyKey, asOf, proposed).flatMap(reserved -> reserved.first()
                ? createBlocking(reserved.batchId(), asOf)
                .onErrorResume(failed -> requests.release(idempotencyKey).then(Mono.error(failed)))
                .thenReturn(reserved.batchId())
                : Mono.just(reserved.batchId()));
    }

    private Mono<Void> createBlocking(String batchId, LocalDate asOf) {
        return Mono.<Void>fromRunnable(() -> create(batchId, asOf)).subscribeOn(Schedulers.boundedElastic());
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
