package com.rapport.notification.preference;

import com.rapport.support.id.PartnerId;
import com.rapport.support.problem.ProblemException;
import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import com.rapport.support.tracing.TracedCommands;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET/PUT /api/notification-preferences/{partnerId}}: that partner or operations; another partner gets 404. */
@RestController
@RequestMapping("/api/notification-preferences/{partnerId}")
public class PreferencesController {

    private final CommandGateway commands;
    private final PreferencesQueries queries;

    public PreferencesController(CommandGateway commands, PreferencesQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @GetMapping
    public Mono<PreferencesView> get(Caller caller, @PathVariable String partnerId) {
        authorize(caller, partnerId);
        return queries.of(PartnerId.of(partnerId));
    }

    @PutMapping
    public Mono<PreferencesView> put(Caller caller, @PathVariable String partnerId,
                                     @Valid @RequestBody PreferencesRequest request) {
        authorize(caller, partnerId);
        PartnerId partner = PartnerId.of(partnerId);
        ChangeNotificationPreferences change = new ChangeNotificationPreferences(partner, request.toSettings());
        return TracedCommands.send(commands, change).then(queries.of(partner));
    }

    private static void authorize(Caller caller, String partnerId) {
        caller.require(Role.PARTNER, Role.OPS);
        if (!caller.maySee(partnerId, Role.OPS)) {
            throw ProblemException.notFound("notification preferences of partner", partnerId);
        }
    }
}
