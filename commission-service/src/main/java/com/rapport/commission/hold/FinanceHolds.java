package com.rapport.commission.hold;

import com.rapport.support.id.PartnerId;
import com.rapport.support.tracing.TracedCommands;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;

/**
 * Finance's hold on a ledger entry, as the command side asks for it: first which payout batch, if any, paid or claimed
 * the entry (the claim register, {@link EntryBatches}), then {@link HoldEntry} carrying the answer, so that
 * {@link EntryHold} refuses it (409 {@code entry-already-paid} / {@code entry-in-open-batch}) without I/O of its own.
 * A batch that claims the entry after the look-up, before the hold reaches the open items, is not refused: DECISIONS.md
 * (month end) says what then happens.
 */
@Component
public class FinanceHolds {

    private final EntryBatches batches;
    private final CommandGateway commands;
    private final Clock clock;

    FinanceHolds(EntryBatches batches, CommandGateway commands, Clock clock) {
        this.batches = batches;
        this.commands = commands;
        this.clock = clock;
    }

    /** Holds the entry for the partner; completes when the hold is recorded (or was already there). */
    public Mono<Void> hold(String entryId, PartnerId partnerId, String reason, String heldBy) {
        return Mono.fromCallable(() -> batches.batchOf(entryId))
                // the claim register is read blocking; never on the event loop
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(batch -> TracedCommands.send(commands,
                        new HoldEntry(entryId, partnerId, reason, heldBy, clock.instant(), batch.orElse(null))))
                .then();
    }
}
