package com.rapport.referral.partner;

import com.rapport.support.id.PartnerId;
import com.rapport.referral.partner.query.PartnerView;
import com.rapport.referral.partner.query.PartnerViews;
import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTypes;
import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import com.rapport.support.tracing.TracedCommands;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * {@code POST /api/partners} (OPS) registers a partner, {@code PUT /api/partners/{partnerId}} changes it; both answer
 * the partner as the read model now shows it.
 */
@RestController
public class PartnerRegistrationController {

    private final CommandGateway commands;
    private final PartnerRegistration registration;
    private final PartnerViews views;

    public PartnerRegistrationController(CommandGateway commands, PartnerRegistration registration,
                                         PartnerViews views) {
        this.commands = commands;
        this.registration = registration;
        this.views = views;
    }

    @PostMapping("/api/partners")
    public Mono<ResponseEntity<PartnerView>> register(@Valid @RequestBody Mono<RegisterPartnerRequest> body,
                                                      Caller caller) {
        caller.require(Role.OPS);
        PartnerId partnerId = PartnerId.generate();
        return body
                .map(request -> new RegisterPartner(partnerId, request.name(), request.email(), request.language(),
                        PartnerId.of(blankToNull(request.parentPartnerId()))))
                .flatMap(registration::register)
                .then(stored(partnerId.value()))
                .map(view -> ResponseEntity.created(URI.create("/api/partners/" + view.partnerId())).body(view));
    }

    /** OPS, or the partner itself; another partner is told it does not exist. */
    @PutMapping("/api/partners/{partnerId}")
    public Mono<PartnerView> update(@PathVariable String partnerId, @Valid @RequestBody Mono<UpdatePartnerRequest> body,
                                    Caller caller) {
        if (!caller.hasAnyRole(Role.OPS)) {
            if (!caller.isPartner()) {
                caller.require(Role.OPS);
            }
            if (!partnerId.equals(caller.partnerId())) {
                throw ProblemException.notFound("partner", partnerId);
            }
        }
        return body
                .map(request -> new UpdatePartner(new PartnerId(partnerId), request.name(), request.email(),
                        request.language()))
                .flatMap(command -> TracedCommands.send(commands, command))
                .then(stored(partnerId));
    }

    /** The partner just stored, never an empty 2xx: caught up from the event store if its write was lost. */
    private Mono<PartnerView> stored(String partnerId) {
        return views.byId(partnerId)
                .switchIfEmpty(Mono.defer(() -> views.caughtUpById(partnerId)))
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                        ProblemTypes.SERVICE_UNAVAILABLE, "Partner not readable yet",
                        "partner %s is stored but not yet readable; retry".formatted(partnerId))));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
