package com.rapport.commission.payout;

import com.rapport.commission.config.CommissionProperties;
import com.rapport.commission.payout.PayoutClaimPlanner.ClaimedLines;
import com.rapport.support.domain.CommandRefused;
import com.rapport.support.tracing.RequestThreadLocals;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates a batch: claims the lines ({@link PayoutClaimPlanner}), then opens the batch over what it claimed. When
 * opening fails or times out the command may still complete, so the claims are not simply given back: the batch's
 * fate is settled first ({@link PayoutClaims#releaseIfNeverOpened}), and the claims go back only when it is known
 * never to open. When that cannot be known yet they stay, and a later batch settles them once they are older than
 * the orphan timeout. The claiming is blocking and runs on bounded-elastic threads.
 */
@Component
public class PayoutBatchCreator {

    private static final Logger LOG = LoggerFactory.getLogger(PayoutBatchCreator.class);

    private final PayoutClaimPlanner planner;
    private final PayoutClaims claims;
    private final CommandGateway commands;
    private final Duration timeout;

    @Autowired
    PayoutBatchCreator(PayoutClaimPlanner planner, PayoutClaims claims, CommandGateway commands,
                       CommissionProperties properties) {
        this(planner, claims, commands, properties.commandTimeout());
    }

    /** For a second, independent creator (another instance) in tests. */
    public PayoutBatchCreator(PayoutClaimPlanner planner, PayoutClaims claims, CommandGateway commands,
                              Duration timeout) {
        this.planner = planner;
        this.claims = claims;
        this.commands = commands;
        this.timeout = timeout;
    }

    /**
     * Creates a batch and answers its id. A retry with the request's {@code Idempotency-Key} never gets here: the
     * service's idempotency filter answers it with the first answer.
     */
    Mono<String> create(LocalDate asOf, String createdBy) {
        String batchId = UUID.randomUUID().toString();
        return createBlocking(batchId, asOf, createdBy).thenReturn(batchId);
    }

    private Mono<Void> createBlocking(String batchId, LocalDate asOf, String createdBy) {
        // the request's trace current on the worker thread too: the batch's command carries it
        return Mono.deferContextual(context -> Mono.<Void>fromRunnable(() -> RequestThreadLocals.within(context,
                        () -> create(batchId, asOf, createdBy)))
                .subscribeOn(Schedulers.boundedElastic()));
    }

    public void create(String batchId, LocalDate asOf, String createdBy) {
        ClaimedLines claimed = planner.claim(batchId, asOf);
        Throwable failure;
        try {
            commands.send(new CreatePayoutBatch(batchId, asOf, claimed.lines(), createdBy, claimed.skipped()))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
        } catch (ExecutionException e) {
            failure = e.getCause() == null ? e : e.getCause();
        } catch (TimeoutException e) {
            failure = e;
        }
        boolean released;
        try {
            released = claims.releaseIfNeverOpened(batchId);
        } catch (RuntimeException unknown) {
            unknown.addSuppressed(failure);
            throw new IllegalStateException("batch %s may still open; its entries stay claimed until that is known"
                    .formatted(batchId), unknown);
        }
        if (!released) {
            LOG.info("batch {} opened although its command reported {}", batchId, failure.toString());
            return;
        }
        if (failure instanceof CommandRefused refusal) {
            throw refusal;
        }
        throw new BatchNotOpenedException(batchId, failure);
    }
}
