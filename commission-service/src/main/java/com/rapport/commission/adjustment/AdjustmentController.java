package com.rapport.commission.adjustment;

import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import com.rapport.support.paging.Page;
import com.rapport.support.paging.PageRequest;
import com.rapport.support.paging.Paging;
import com.rapport.commission.config.CommissionProperties;
import com.rapport.commission.partner.PartnerDirectory;
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
import java.util.Optional;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Manual adjustments (FINANCE): propose, approve (another finance user: four eyes), reject, list. The proposer and
 * the approver are the tokens' subjects.
 */
@RestController
class AdjustmentController {

    private final CommandGateway commands;
    private final AdjustmentProjection adjustments;
    private final PartnerDirectory partners;
    private final Clock clock;
    private final ZoneId zone;
    private final Paging paging;

    AdjustmentController(CommandGateway commands, AdjustmentProjection adjustments, PartnerDirectory partners,
                         Clock clock, CommissionProperties properties, Paging paging) {
        this.commands = commands;
        this.adjustments = adjustments;
        this.partners = partners;
        this.clock = clock;
        this.zone = properties.zone();
        this.paging = paging;
    }

    record ProposeRequest(@NotBlank @Size(max = 200) String adjustmentId, @NotBlank @Size(max = 200) String partnerId,
                          @Size(max = 200) String referralId, @NotNull Money amount,
                          @NotBlank @Size(max = 2000) String reason) {
    }

    record RejectRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping("/api/adjustments")
    Mono<ResponseEntity<AdjustmentView>> propose(Caller caller, @Valid @RequestBody Mono<ProposeRequest> body) {
        caller.require(Role.FINANCE);
        return body.flatMap(request -> {
            if (request.amount().isZero()) {
                return Mono.error(invalid("amount", "must not be zero"));
            }
            return partners.find(request.partnerId())
                    .switchIfEmpty(Mono.error(() -> ProblemException.notFound("partner", request.partnerId())))
                    .then(TracedCommands.<Boolean>send(commands, new ProposeAdjustment(
                            request.adjustmentId(), PartnerId.of(request.partnerId()),
                            Optional.ofNullable(blankToNull(request.referralId())).map(ReferralId::of).orElse(null),
                            request.amount(), request.reason(), caller.username())))
                    .flatMap(created -> found(request.adjustmentId()).map(view -> Boolean.TRUE.equals(created)
                            ? ResponseEntity.created(URI.create("/api/adjustments/" + view.adjustmentId())).body(view)
                            : ResponseEntity.ok(view)));
        });
    }

    @PostMapping("/api/adjustments/{adjustmentId}/approve")
    Mono<AdjustmentView> approve(Caller caller, @PathVariable String adjustmentId) {
        caller.require(Role.FINANCE);
        return TracedCommands.send(commands, new ApproveAdjustment(adjustmentId, caller.username(),
                LocalDate.now(clock.withZone(zone)))).then(found(adjustmentId));
    }

    @PostMapping("/api/adjustments/{adjustmentId}/reject")
    Mono<AdjustmentView> reject(Caller caller, @PathVariable String adjustmentId,
                                @Valid @RequestBody Mono<RejectRequest> body) {
        caller.require(Role.FINANCE);
        return body.flatMap(request -> TracedCommands.send(commands, new RejectAdjustment(adjustmentId,
                request.reason(), caller.username()))).then(found(adjustmentId));
    }

    @GetMapping("/api/adjustments/{adjustmentId}")
    Mono<AdjustmentView> adjustment(Caller caller, @PathVariable String adjustmentId) {
        caller.require(Role.FINANCE);
        return found(adjustmentId);
    }

    @GetMapping("/api/adjustments")
    Mono<Page<AdjustmentView>> list(Caller caller, @RequestParam(required = false) String status,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        caller.require(Role.FINANCE);
        PageRequest request = paging.request(page, size);
        AdjustmentStatus wanted = status == null || status.isBlank() ? null : parse(status);
        return Mono.zip(adjustments.list(wanted, request).collectList(), adjustments.count(wanted))
                .map(t -> request.of(t.getT1(), t.getT2()));
    }

    private Mono<AdjustmentView> found(String adjustmentId) {
        return adjustments.find(adjustmentId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("adjustment", adjustmentId)));
    }

    private static AdjustmentStatus parse(String status) {
        return Arrays.stream(AdjustmentStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElseThrow(() -> invalid("status", "must be one of " + Arrays.toString(AdjustmentStatus.values())));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static ProblemException invalid(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION_FAILED, "Invalid request",
                field + " " + message, Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }
}
