package com.rapport.commission.hold;

import com.rapport.commission.ledger.LedgerEntry;
import com.rapport.commission.ledger.LedgerQueries;
import com.rapport.support.id.PartnerId;
import com.rapport.support.problem.ProblemException;
import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import com.rapport.support.tracing.TracedCommands;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Finance holds a ledger entry out of payout batches, and releases it. Holding a held entry, or releasing a free one,
 * answers the entry as it is. An entry a dispute holds is released by resolving the dispute (409 {@code dispute-open}).
 */
@RestController
class HoldController {

    private final CommandGateway commands;
    private final FinanceHolds holds;
    private final LedgerQueries ledger;

    HoldController(CommandGateway commands, FinanceHolds holds, LedgerQueries ledger) {
        this.commands = commands;
        this.holds = holds;
        this.ledger = ledger;
    }

    record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping("/api/commissions/{entryId}/hold")
    Mono<LedgerEntry> hold(Caller caller, @PathVariable String entryId, @Valid @RequestBody Mono<ReasonRequest> body) {
        caller.require(Role.FINANCE);
        return body.flatMap(request -> found(entryId).flatMap(entry -> holds.hold(entryId,
                        PartnerId.of(entry.partnerId()), request.reason(), caller.username())))
                .then(found(entryId));
    }

    @PostMapping("/api/commissions/{entryId}/release")
    Mono<LedgerEntry> release(Caller caller, @PathVariable String entryId,
                              @Valid @RequestBody Mono<ReasonRequest> body) {
        caller.require(Role.FINANCE);
        return body.flatMap(request -> found(entryId).flatMap(entry -> TracedCommands.send(commands,
                        new ReleaseEntry(entryId, request.reason(), caller.username()))
                        // never held: nothing to release
                        .onErrorResume(AggregateNotFoundException.class, neverHeld -> Mono.empty())))
                .then(found(entryId));
    }

    private Mono<LedgerEntry> found(String entryId) {
        return ledger.entry(entryId).switchIfEmpty(Mono.error(() -> ProblemException.notFound("entry", entryId)));
    }
}
