package com.rapport.referral.partner;

import com.rapport.support.tracing.TracedCommands;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The command side of registering a partner: looks the named parent up in the event store, then sends the command
 * with the answer, so the {@link Partner} aggregate decides without asking anyone.
 */
@Service
public class PartnerRegistration {

    private final PartnerDirectory directory;
    private final CommandGateway commands;

    public PartnerRegistration(PartnerDirectory directory, CommandGateway commands) {
        this.directory = directory;
        this.commands = commands;
    }

    public Mono<Object> register(RegisterPartner command) {
        return Mono.fromCallable(() -> command.parentPartnerId() == null ? command
                        // the directory reads the event store with the blocking driver
                        : command.introducedBy(directory.find(command.parentPartnerId()).orElse(null)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(resolved -> TracedCommands.send(commands, resolved));
    }
}
