package com.rapport.commission.dispute;

import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import com.rapport.support.paging.Page;
import com.rapport.support.paging.PageRequest;
import com.rapport.support.paging.Paging;
import com.rapport.commission.config.CommissionProperties;
import com.rapport.commission.ledger.CommissionController;
import com.rapport.commission.ledger.LedgerEntry;
import com.rapport.commission.ledger.LedgerQueries;
import com.rapport.events.money.Money;
import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTypes;
import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import com.rapport.support.tracing.TracedCommands;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.util.Set;
import java.util.UUID;

/**
 * A partner (or finance) disputes a ledger entry, which holds it until finance resolves the dispute: UPHELD (with an
 * optional ADJUSTMENT in the entry's currency, booked at once) or DISMISSED. Another partner's entry or dispute is a
 * 404.
 */
@RestController
class DisputeController {

    private static final Set<String> STATUSES = Set.of(DisputeView.OPEN, DisputeView.RESOLVED);

    private final CommandGateway commands;
    private final DisputeProjection disputes;
    private final LedgerQueries ledger;
    private final Clock clock;
    private final ZoneId zone;
    private final Paging paging;

    DisputeController(CommandGateway commands, DisputeProjection disputes, LedgerQueries ledger, Clock clock,
                      CommissionProperties properties, Paging paging) {
        this.commands = commands;
        this.disputes = disputes;
        this.ledger = ledger;
        this.clock = clock;
        this.zone = properties.zone();
        this.paging = paging;
    }

    record OpenRequest(@NotBlank @Size(max = 2000) String message) {
    }

    record ResolveRequest(@NotNull DisputeOutcome outcome, @NotBlank @Size(max = 2000) String note,
                          Money adjustment) {
    }

    @PostMapping("/api/commissions/{entryId}/disputes")
    Mono<ResponseEntity<DisputeView>> open(Caller caller, @PathVariable String entryId,
                                           @Valid @RequestBody Mono<OpenRequest> body) {
        if (!caller.hasAnyRole(Role.FINANCE) && !caller.roles().contains(Role.PARTNER)) {
            throw ProblemException.forbidden("a dispute is opened by the partner or by finance");
        }
        String disputeId = UUID.randomUUID().toString();
        return body.flatMap(request -> visibleEntry(caller, entryId).flatMap(entry -> TracedCommands.send(commands,
                        new OpenDispute(entryId, disputeId, PartnerId.of(entry.partnerId()),
                                entry.referralId() == null ? null : ReferralId.of(entry.referralId()),
                                request.message(), caller.username(), clock.instant()))))
                .then(found(disputeId))
                .map(view -> ResponseEntity.created(URI.create("/api/disputes/" + disputeId)).body(view));
    }

    @PostMapping("/api/disputes/{disputeId}/resolve")
    Mono<DisputeView> resolve(Caller caller, @PathVariable String disputeId,
                              @Valid @RequestBody Mono<ResolveRequest> body) {
        caller.require(Role.FINANCE);
        return body.flatMap(request -> found(disputeId).flatMap(dispute -> ledger.entry(dispute.entryId())
                .flatMap(entry -> {
                    Money adjustment = request.adjustment();
                    if (adjustment != null && adjustment.isZero()) {
                        return Mono.error(invalid("adjustment", "must not be zero"));
                    }
                    if (adjustment != null && !adjustment.sameCurrencyAs(entry.amount())) {
                        return Mono.error(invalid("adjustment", "must be in the entry's currency "
                                + entry.amount().currencyCode()));
                    }
                    if (adjustment != null && request.outcome() != DisputeOutcome.UPHELD) {
                        return Mono.error(invalid("adjustment", "only an UPHELD dispute carries an adjustment"));
                    }
                    return TracedCommands.send(commands, new ResolveDispute(dispute.entryId(), disputeId,
                            request.outcome(), request.note(), adjustment, caller.username(),
                            LocalDate.now(clock.withZone(zone))));
                })))
                .then(found(disputeId));
    }

    @GetMapping("/api/disputes/{disputeId}")
    Mono<DisputeView> dispute(Caller caller, @PathVariable String disputeId) {
        return found(disputeId).filter(d -> caller.maySee(d.partnerId(), Role.FINANCE))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("dispute", disputeId)));
    }

    @GetMapping("/api/disputes")
    Mono<Page<DisputeView>> list(Caller caller, @RequestParam(required = false) String partnerId,
                                 @RequestParam(required = false) String status,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        PageRequest request = paging.request(page, size);
        String partner = caller.hasAnyRole(Role.FINANCE) ? blankToNull(partnerId)
                : CommissionController.ownPartner(caller, blankToNull(partnerId));
        String wanted = blankToNull(status);
        if (wanted != null && !STATUSES.contains(wanted)) {
            throw invalid("status", "must be OPEN or RESOLVED");
        }
        return Mono.zip(disputes.list(partner, wanted, request).collectList(), disputes.count(partner, wanted))
                .map(t -> request.of(t.getT1(), t.getT2()));
    }

    /** The entry, when the caller may see it: finance any, a partner its own; otherwise 404. */
    private Mono<LedgerEntry> visibleEntry(Caller caller, String entryId) {
        return ledger.entry(entryId).filter(entry -> caller.maySee(entry.partnerId(), Role.FINANCE))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("entry", entryId)));
    }

    private Mono<DisputeView> found(String disputeId) {
        return disputes.find(disputeId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("dispute", disputeId)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION_FAILED, "Invalid request",
                field + " " + message, Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }
}
