package com.rapport.referral.referral;

import com.rapport.referral.partner.PartnerDirectory;
import com.rapport.referral.partner.RegisteredPartner;
import com.rapport.support.id.PartnerId;
import com.rapport.support.tracing.TracedCommands;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.HashMap;
import java.util.Map;

/**
 * The command side of moving a referral's credit (splitting it, reassigning it): looks up the partners named, then
 * sends the command with the directory's answers, so the {@link Referral} aggregate decides without asking anyone.
 */
@Service
public class CreditAssignment {

    private final PartnerDirectory partners;
    private final CommandGateway commands;

    public CreditAssignment(PartnerDirectory partners, CommandGateway commands) {
        this.partners = partners;
        this.commands = commands;
    }

    public Mono<Object> split(SplitCredit asked) {
        return send(Mono.fromCallable(() -> {
            Map<PartnerId, RegisteredPartner> found = new HashMap<>();
            for (IntroducerShare share : asked.shares()) {
                partners.find(share.partnerId()).ifPresent(partner -> found.put(share.partnerId(), partner));
            }
            return asked.between(found);
        }));
    }

    public Mono<Object> reassign(ReassignReferral asked) {
        return send(Mono.fromCallable(() -> asked.to(partners.find(asked.newPartnerId()).orElse(null))));
    }

    private Mono<Object> send(Mono<?> lookup) {
        // the directory reads the event store with the blocking driver
        return lookup.subscribeOn(Schedulers.boundedElastic())
                .flatMap(command -> TracedCommands.send(commands, command));
    }
}
