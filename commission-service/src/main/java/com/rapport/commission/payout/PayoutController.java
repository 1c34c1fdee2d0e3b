package com.rapport.commission.payout;

import com.rapport.support.paging.Page;
import com.rapport.support.paging.PageRequest;
import com.rapport.support.paging.Paging;
import com.rapport.commission.config.CommissionProperties;
import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTypes;
import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import com.rapport.support.tracing.TracedCommands;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Payout batches (FINANCE): create over what is payable by a date (not after today), read, confirm (by another
 * finance user than the creator), cancel.
 */
@RestController
class PayoutController {

    private final PayoutBatchCreator creator;
    private final PayoutBatchQueries batches;
    private final CommandGateway commands;
    private final Clock clock;
    private final Paging paging;
    private final ZoneId zone;

    PayoutController(PayoutBatchCreator creator, PayoutBatchQueries batches, CommandGateway commands, Clock clock,
                     CommissionProperties properties, Paging paging) {
        this.creator = creator;
        this.batches = batches;
        this.commands = commands;
        this.clock = clock;
        this.zone = properties.zone();
        this.paging = paging;
    }

    record CreateBatchRequest(@NotNull LocalDate asOf) {
    }

    @PostMapping("/api/payouts")
    Mono<ResponseEntity<PayoutBatchView>> create(Caller caller, @Valid @RequestBody Mono<CreateBatchRequest> body) {
        // the role first: a caller who may not create batches is told so, whatever the body says
        caller.require(Role.FINANCE);
        return body.flatMap(request -> {
                    LocalDate today = LocalDate.now(clock.withZone(zone));
                    if (request.asOf().isAfter(today)) {
                        String message = "must not be after today (%s)".formatted(today);
                        return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST,
                                ProblemTypes.VALIDATION_FAILED, "Invalid request", "asOf " + message,
                                Map.of("errors", List.of(Map.of("field", "asOf", "message", message)))));
                    }
                    return creator.create(request.asOf(), caller.username());
                })
                // the batch opened but its read model did not follow in time: name it rather than open another
                .flatMap(batchId -> batches.find(batchId).switchIfEmpty(Mono.error(() -> new ProblemException(
                        HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Batch not readable yet",
                        "batch %s was created but cannot be read yet; see /api/payouts/%s".formatted(batchId, batchId),
                        Map.of("batchId", batchId)))))
                .map(batch -> ResponseEntity.created(URI.create("/api/payouts/" + batch.batchId())).body(batch));
    }

    @GetMapping("/api/payouts")
    Mono<Page<PayoutBatchView>> list(Caller caller, @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        caller.require(Role.FINANCE);
        PageRequest request = paging.request(page, size);
        return Mono.zip(batches.all(request).collectList(), batches.count())
                .map(t -> request.of(t.getT1(), t.getT2()));
    }

    @GetMapping("/api/payouts/{batchId}")
    Mono<PayoutBatchView> batch(Caller caller, @PathVariable String batchId) {
        caller.require(Role.FINANCE);
        return found(batchId);
    }

    @PostMapping("/api/payouts/{batchId}/confirm")
    Mono<PayoutBatchView> confirm(Caller caller, @PathVariable String batchId) {
        caller.require(Role.FINANCE);
        return TracedCommands.send(commands, new ConfirmPayoutBatch(batchId, LocalDate.now(clock.withZone(zone)),
                        caller.username()))
                .then(found(batchId));
    }

    @PostMapping("/api/payouts/{batchId}/cancel")
    Mono<PayoutBatchView> cancel(Caller caller, @PathVariable String batchId) {
        caller.require(Role.FINANCE);
        return TracedCommands.send(commands, new CancelPayoutBatch(batchId)).then(found(batchId));
    }

    private Mono<PayoutBatchView> found(String batchId) {
        return batches.find(batchId).switchIfEmpty(Mono.error(() -> ProblemException.notFound("batch", batchId)));
    }
}
