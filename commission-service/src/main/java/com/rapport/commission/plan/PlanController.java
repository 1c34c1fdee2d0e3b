package com.rapport.commission.plan;

import com.rapport.support.id.PartnerId;
import com.rapport.support.paging.Page;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.rapport.events.money.Money;
import com.rapport.support.problem.ProblemException;
import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import com.rapport.support.tracing.TracedCommands;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.util.List;

/** Plans and partner assignments (API.md "Commissions"): anyone signed in reads plans, FINANCE changes them. */
@RestController
class PlanController {

    private static final String ID_PATTERN = "[A-Za-z0-9._-]{1,64}";

    private final CommandGateway commands;
    private final PlanCatalogue catalogue;

    PlanController(CommandGateway commands, PlanCatalogue catalogue) {
        this.commands = commands;
        this.catalogue = catalogue;
    }

    /** The body of {@code PUT /api/commission-plans/{planId}}; amounts per currency as a list or a map. */
    record PlanRequest(@NotEmpty List<@Valid @NotNull TierRequest> tiers, BigDecimal overrideRate,
                       @JsonDeserialize(using = MoneyPerCurrencyDeserializer.class) List<Money> capPerReferral,
                       @NotNull @Min(0) Integer holdDays,
                       @JsonDeserialize(using = MoneyPerCurrencyDeserializer.class) List<Money> minimumPayout) {

        PlanTerms terms() {
            return new PlanTerms(tiers.stream().map(t -> new Tier(t.fromContracts(), t.rate())).toList(),
                    overrideRate, capPerReferral, holdDays, minimumPayout);
        }
    }

    record TierRequest(@NotNull @Min(1) Integer fromContracts, @NotNull BigDecimal rate) {
    }

    record AssignmentRequest(@NotBlank @Pattern(regexp = ID_PATTERN) String planId) {
    }

    record Assignment(String partnerId, String planId) {
    }

    @GetMapping("/api/commission-plans")
    Mono<Page<PlanVersion>> plans(Caller caller) {
        return catalogue.currentPlans().collectList().map(Page::whole);
    }

    @GetMapping("/api/commission-plans/{planId}")
    Mono<PlanVersion> plan(Caller caller, @PathVariable String planId,
                           @RequestParam(required = false) Integer version) {
        Mono<PlanVersion> plan = version == null ? catalogue.current(planId) : catalogue.version(planId, version);
        return plan.switchIfEmpty(Mono.error(() -> ProblemException.notFound("plan",
                version == null ? planId : planId + " version " + version)));
    }

    @PutMapping("/api/commission-plans/{planId}")
    Mono<PlanVersion> publish(Caller caller, @PathVariable @Pattern(regexp = ID_PATTERN) String planId,
                              @Valid @RequestBody Mono<PlanRequest> body) {
        // the role first: a caller who may not publish is told so, whatever the body says
        caller.require(Role.FINANCE);
        return body.flatMap(request -> TracedCommands.<Integer>send(commands,
                        new PublishPlanVersion(planId, request.terms())))
                .flatMap(version -> catalogue.version(planId, version));
    }

    @PutMapping("/api/partner-plans/{partnerId}")
    Mono<Assignment> assign(Caller caller, @PathVariable String partnerId,
                            @Valid @RequestBody Mono<AssignmentRequest> body) {
        caller.require(Role.FINANCE);
        return body.flatMap(request -> catalogue.isPublished(request.planId())
                .flatMap(published -> TracedCommands.send(commands,
                        new AssignPlan(PartnerId.of(partnerId), request.planId(), published)))
                .then(Mono.fromSupplier(() -> new Assignment(partnerId, request.planId()))));
    }

    @GetMapping("/api/partner-plans/{partnerId}")
    Mono<Assignment> assignment(Caller caller, @PathVariable String partnerId) {
        if (!caller.maySee(partnerId, Role.FINANCE, Role.OPS)) {
            throw ProblemException.notFound("partner", partnerId);
        }
        return catalogue.planIdOf(partnerId).map(planId -> new Assignment(partnerId, planId));
    }
}
