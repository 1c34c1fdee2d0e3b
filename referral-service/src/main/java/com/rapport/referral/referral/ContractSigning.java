package com.rapport.referral.referral;

import com.rapport.referral.referral.numbering.ContractNumbering;
import com.rapport.support.id.PartnerId;
import com.rapport.support.tracing.TracedCommands;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command side of signing a contract: asks the stored referral whether it may be signed and who its
 * co-introducers are, numbers the contract for each of them (the set rule: every partner's signed contracts are
 * numbered 1, 2, 3... in order of signing), then sends the command with the numbers. A signing the referral refuses
 * takes no number; a number is kept per (partner, referral), so a retried signing gets the same one. A signing
 * refused because the referral was rejected or lost in the meantime gives its numbers back.
 */
@Service
public class ContractSigning {

    private static final Logger log = LoggerFactory.getLogger(ContractSigning.class);

    private final ReferralReplay referrals;
    private final ContractNumbering numbering;
    private final CommandGateway commands;

    public ContractSigning(ReferralReplay referrals, ContractNumbering numbering, CommandGateway commands) {
        this.referrals = referrals;
        this.numbering = numbering;
        this.commands = commands;
    }

    public Mono<Object> sign(SignContract asked) {
        // the event store and the numbering use the blocking driver
        return Mono.fromCallable(() -> referrals.replay(asked.referralId())
                        .map(referral -> asked.numbered(numbers(referral.introducersToNumber(asked), asked)))
                        // no such referral: the command is answered as for any unknown referral
                        .orElse(asked))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(command -> TracedCommands.send(commands, command)
                        .onErrorResume(failure -> Mono.fromRunnable(() -> giveBackIfNeverSigned(command))
                                .subscribeOn(Schedulers.boundedElastic())
                                .then(Mono.error(failure))));
    }

    /** A referral that may still be signed keeps its numbers, for the signing to be tried again. */
    private void giveBackIfNeverSigned(SignContract command) {
        if (command.contractNumbers().isEmpty()) {
            return;
        }
        try {
            if (referrals.replay(command.referralId()).filter(Referral::canNeverBeSigned).isPresent()) {
                command.contractNumbers().keySet()
                        .forEach(introducer -> numbering.giveBack(introducer, command.referralId()));
            }
        } catch (RuntimeException unreachable) {
            // the caller still learns why the contract was not signed; the number stays taken (a gap)
            log.warn("Could not give back the contract numbers of referral {}", command.referralId(), unreachable);
        }
    }

    private Map<PartnerId, Integer> numbers(List<PartnerId> introducers, SignContract command) {
        Map<PartnerId, Integer> numbers = new LinkedHashMap<>();
        for (PartnerId introducer : introducers) {
            numbers.put(introducer, numbering.numberFor(introducer, command.referralId()));
        }
        return numbers;
    }
}
