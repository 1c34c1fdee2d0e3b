package com.rapport.referral.referral;

import com.rapport.referral.partner.PartnerDirectory;
import com.rapport.referral.referral.claim.ClientClaims;
import com.rapport.referral.referral.claim.StoredReferrals;
import com.rapport.support.id.ReferralId;
import com.rapport.support.tracing.TracedCommands;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.Callable;

/**
 * The command side of a new referral, submitted or opened as a follow-on: looks up what the {@link Referral}
 * aggregate decides on (the partner credited, the referral followed), answers its refusals before anything is held,
 * takes or hands over the client's claim (the set rule across referrals), then sends the command with what it found.
 * If the referral is not stored after all, the claim is given back; if this process dies first, the stale-claim grace
 * frees it.
 */
@Service
public class ReferralSubmission {

    private static final Logger log = LoggerFactory.getLogger(ReferralSubmission.class);

    private final PartnerDirectory partners;
    private final FollowOnSources sources;
    private final ClientClaims claims;
    private final StoredReferrals storedReferrals;
    private final CommandGateway commands;

    public ReferralSubmission(PartnerDirectory partners, FollowOnSources sources, ClientClaims claims,
                              StoredReferrals storedReferrals, CommandGateway commands) {
        this.partners = partners;
        this.sources = sources;
        this.claims = claims;
        this.storedReferrals = storedReferrals;
        this.commands = commands;
    }

    public Mono<Object> submit(SubmitReferral asked) {
        return Mono.fromCallable(() -> storedReferrals.exists(asked.referralId()))
                .subscribeOn(Schedulers.boundedElastic())
                // a retry (same Idempotency-Key, so the same referral id) of a submission that was stored but whose
                // answer was lost: nothing to claim or send again; its referral already holds the client
                .flatMap(stored -> stored ? Mono.empty() : prepareAndSend(asked));
    }

    private Mono<Object> prepareAndSend(SubmitReferral asked) {
        return blocking(() -> {
            SubmitReferral command = asked.creditedTo(partners.find(asked.partnerId()).orElse(null));
            Referral.requireSubmittable(command);
            ReferredClient client = command.client().trimmed();
            // last, after every other rule: a refused submission must not hold the client
            claims.claim(command.referralId(), client);
            return new Prepared(command, command.referralId(), () -> claims.release(command.referralId(), client));
        }).flatMap(this::send);
    }

    public Mono<Object> openFollowOn(OpenFollowOn asked) {
        return blocking(() -> {
            OpenFollowOn command = asked.following(sources.find(asked.followOnOf()).orElse(null));
            FollowOnSource source = Referral.requireFollowOnAllowed(command);
            // last, after every other rule: the follow-on holds the client from now on, never a duplicate of it
            ClientClaims.HandOver handOver = claims.handOver(source.referralId(), command.referralId(),
                    source.client());
            return new Prepared(command, command.referralId(), () -> claims.giveBack(handOver));
        }).flatMap(this::send);
    }

    private static Mono<Prepared> blocking(Callable<Prepared> preparation) {
        // the directory, the event store and the claims use the blocking driver
        return Mono.fromCallable(preparation).subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<Object> send(Prepared prepared) {
        return TracedCommands.send(commands, prepared.command())
                .onErrorResume(failure -> Mono.fromRunnable(() -> giveBackUnlessStored(prepared))
                        .subscribeOn(Schedulers.boundedElastic())
                        .then(Mono.error(failure)));
    }

    /** Refused, or failed in any other way: the claim is given back unless the referral was stored after all. */
    private void giveBackUnlessStored(Prepared prepared) {
        try {
            if (!storedReferrals.exists(prepared.referralId())) {
                prepared.giveBack().run();
            }
        } catch (RuntimeException unreachable) {
            // the caller still learns why the referral was not created; the stale-claim grace frees the client
            log.warn("Could not give back the client claim of referral {} that was not stored",
                    prepared.referralId(), unreachable);
        }
    }

    private record Prepared(Object command, ReferralId referralId, Runnable giveBack) {
    }
}
