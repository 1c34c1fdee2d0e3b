package com.rapport.commission.dealterms;

import com.rapport.events.money.Money;
import com.rapport.support.id.ReferralId;
import com.rapport.support.problem.ProblemException;
import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import com.rapport.support.tracing.TracedCommands;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

/** Per-deal terms (API.md "Deals as they really go"): FINANCE agrees them before the contract; FINANCE, OPS read. */
@RestController
class DealTermsController {

    private static final int MAX_ID = 200;

    private final CommandGateway commands;
    private final DealTermsQueries queries;
    private final Clock clock;

    DealTermsController(CommandGateway commands, DealTermsQueries queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    /** The body of {@code PUT /api/deal-terms/{referralId}}: exactly one of {@code rate} and {@code flatFee}. */
    record TermsRequest(BigDecimal rate, Money flatFee, Money cap, String reason) {
    }

    @PutMapping("/api/deal-terms/{referralId}")
    Mono<DealTermsView> agree(Caller caller, @PathVariable String referralId,
                              @RequestBody Mono<TermsRequest> body) {
        // the role first: a caller who may not agree terms is told so, whatever the body says
        caller.require(Role.FINANCE);
        requireId(referralId);
        return body.switchIfEmpty(Mono.error(() -> new InvalidDealTermsException(List.of("body: required"))))
                .flatMap(request -> {
            AgreedTerms terms = new AgreedTerms(request.rate(), request.flatFee(), request.cap(), request.reason());
            List<String> problems = DealTermsRules.violations(terms);
            if (!problems.isEmpty()) {
                return Mono.error(new InvalidDealTermsException(problems));
            }
            return TracedCommands.<AgreedTerms>send(commands,
                    new AgreeDealTerms(ReferralId.of(referralId), terms, caller.username(), clock.instant()));
        }).then(queries.termsOf(referralId));
    }

    @GetMapping("/api/deal-terms/{referralId}")
    Mono<DealTermsView> terms(Caller caller, @PathVariable String referralId) {
        caller.require(Role.FINANCE, Role.OPS);
        return queries.termsOf(referralId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("deal terms of referral", referralId)));
    }

    private static void requireId(String referralId) {
        if (referralId.isBlank() || referralId.length() > MAX_ID) {
            throw new InvalidDealTermsException(List.of("referralId: 1 to %d characters".formatted(MAX_ID)));
        }
    }
}
