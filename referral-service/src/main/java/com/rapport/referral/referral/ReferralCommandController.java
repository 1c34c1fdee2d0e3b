package com.rapport.referral.referral;

import com.rapport.referral.referral.query.ReferralView;
import com.rapport.referral.referral.query.ReferralViews;
import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import com.rapport.support.domain.CommandRefused;
import com.rapport.support.idempotency.IdempotencyKeyFilter;
import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTypes;
import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import com.rapport.support.tracing.TracedCommands;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The referral's write endpoints: parse, check the role, send the command, answer the referral as the read model
 * now shows it. Roles are checked before the body is read, so a forbidden caller learns nothing from validation.
 * Commands that need the event store or a set rule first (a new referral, signing, moving the credit) go through
 * their command-side service, which sends them.
 */
@RestController
public class ReferralCommandController {

    private final CommandGateway commands;
    private final ReferralSubmission submission;
    private final ContractSigning signing;
    private final CreditAssignment crediting;
    private final ReferralViews views;

    public ReferralCommandController(CommandGateway commands, ReferralSubmission submission, ContractSigning signing,
                                     CreditAssignment crediting, ReferralViews views) {
        this.commands = commands;
        this.submission = submission;
        this.signing = signing;
        this.crediting = crediting;
        this.views = views;
    }

    @PostMapping("/api/referrals")
    public Mono<ResponseEntity<ReferralView>> submit(@Valid @RequestBody Mono<ReferralRequests.Submit> body,
                                                     Caller caller,
                                                     // documented once, by the idempotency filter's customizer
                                                     @Parameter(hidden = true)
                                                     @RequestHeader(value = IdempotencyKeyFilter.HEADER,
                                                             required = false) String idempotencyKey) {
        caller.require(Role.PARTNER, Role.OPS);
        ReferralId referralId = referralIdFor(caller, idempotencyKey);
        return body.map(request -> new SubmitReferral(referralId, creditedPartner(request, caller),
                        new ReferredClient(request.client().company(), request.client().contactName(),
                                request.client().contactEmail()),
                        request.description(), request.estimatedValue()))
                .flatMap(submission::submit)
                .then(created(referralId));
    }

    /**
     * A keyed submission always names the same referral: when a crash lost the answer of an attempt that was stored,
     * the retry (taken over after the key's lease) finds that referral instead of claiming the client for a second
     * one and being refused as its duplicate.
     */
    static ReferralId referralIdFor(Caller caller, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return ReferralId.generate();
        }
        return ReferralId.of(UUID.nameUUIDFromBytes(("referral\n" + caller.username() + "\n" + idempotencyKey)
                .getBytes(StandardCharsets.UTF_8)).toString());
    }

    @PostMapping("/api/referrals/{referralId}/qualify")
    public Mono<ReferralView> qualify(@PathVariable String referralId, Caller caller) {
        return ops(caller, referralId, Mono.just(new QualifyReferral(ReferralId.of(referralId))));
    }

    @PostMapping("/api/referrals/{referralId}/reject")
    public Mono<ReferralView> reject(@PathVariable String referralId,
                                     @Valid @RequestBody Mono<ReferralRequests.Reason> body, Caller caller) {
        return ops(caller, referralId,
                body.map(request -> new RejectReferral(ReferralId.of(referralId), request.reason())));
    }

    @PostMapping("/api/referrals/{referralId}/quote")
    public Mono<ReferralView> quote(@PathVariable String referralId,
                                    @Valid @RequestBody Mono<ReferralRequests.Quote> body, Caller caller) {
        return ops(caller, referralId,
                body.map(request -> new QuoteReferral(ReferralId.of(referralId), request.amount())));
    }

    @PostMapping("/api/referrals/{referralId}/contract")
    public Mono<ReferralView> signContract(@PathVariable String referralId,
                                           @Valid @RequestBody Mono<ReferralRequests.Contract> body, Caller caller) {
        caller.require(Role.OPS);
        return body.map(request -> new SignContract(ReferralId.of(referralId), request.contractValue(),
                        request.signedAt(), instalments(request.schedule())))
                .flatMap(command -> caughtUpIfRefused(referralId, signing.sign(command)))
                .then(views.byId(referralId));
    }

    @PostMapping("/api/referrals/{referralId}/amendments")
    public Mono<ReferralView> amendContract(@PathVariable String referralId,
                                            @Valid @RequestBody Mono<ReferralRequests.Amendment> body,
                                            Caller caller) {
        // 200 both for a new amendment and for a repeated one (API.md)
        return ops(caller, referralId, body.map(request -> new AmendContract(ReferralId.of(referralId),
                request.amendmentId(), request.delta(), request.reason(), request.signedAt())));
    }

    @PutMapping("/api/referrals/{referralId}/schedule")
    public Mono<ReferralView> setSchedule(@PathVariable String referralId,
                                          @Valid @RequestBody Mono<ReferralRequests.Schedule> body, Caller caller) {
        return ops(caller, referralId, body.map(request -> new SetSchedule(ReferralId.of(referralId),
                instalments(request.schedule()))));
    }

    @PostMapping("/api/referrals/{referralId}/split")
    public Mono<ReferralView> splitCredit(@PathVariable String referralId,
                                          @Valid @RequestBody Mono<ReferralRequests.Split> body, Caller caller) {
        caller.require(Role.OPS);
        return body.map(request -> new SplitCredit(ReferralId.of(referralId), request.shares().stream()
                        .map(share -> new IntroducerShare(new PartnerId(share.partnerId().trim()), share.share()))
                        .toList()))
                .flatMap(command -> caughtUpIfRefused(referralId, crediting.split(command)))
                .then(views.byId(referralId));
    }

    @PostMapping("/api/referrals/{referralId}/follow-ons")
    public Mono<ResponseEntity<ReferralView>> openFollowOn(@PathVariable String referralId,
                                                           @Valid @RequestBody Mono<ReferralRequests.FollowOn> body,
                                                           Caller caller) {
        caller.require(Role.OPS);
        ReferralId followOn = ReferralId.generate();
        return body.map(request -> new OpenFollowOn(followOn, ReferralId.of(referralId), request.description(),
                        request.estimatedValue()))
                .flatMap(submission::openFollowOn)
                .then(created(followOn));
    }

    private static List<Instalment> instalments(List<ReferralRequests.ScheduledPayment> schedule) {
        return schedule == null ? List.of()
                : schedule.stream().map(ReferralRequests.ScheduledPayment::toInstalment).toList();
    }

    @PostMapping("/api/referrals/{referralId}/milestones")
    public Mono<ResponseEntity<ReferralView>> recordMilestone(@PathVariable String referralId,
                                                              @Valid @RequestBody Mono<ReferralRequests.Milestone> body,
                                                              Caller caller) {
        caller.require(Role.OPS);
        return body.map(request -> new RecordMilestone(ReferralId.of(referralId), request.name(), request.note()))
                .flatMap(command -> send(referralId, command))
                .then(views.byId(referralId))
                .map(view -> ResponseEntity.status(HttpStatus.CREATED).body(view));
    }

    @PostMapping("/api/referrals/{referralId}/payments")
    public Mono<ResponseEntity<ReferralView>> recordPayment(@PathVariable String referralId,
                                                            @Valid @RequestBody Mono<ReferralRequests.Payment> body,
                                                            Caller caller) {
        caller.require(Role.OPS);
        return recorded(referralId, body.map(request -> new RecordPayment(ReferralId.of(referralId),
                request.paymentId(), request.amount(), request.kind(), request.receivedAt())));
    }

    @PostMapping("/api/referrals/{referralId}/refunds")
    public Mono<ResponseEntity<ReferralView>> issueRefund(@PathVariable String referralId,
                                                          @Valid @RequestBody Mono<ReferralRequests.Refund> body,
                                                          Caller caller) {
        caller.require(Role.OPS);
        return recorded(referralId, body.map(request -> new IssueRefund(ReferralId.of(referralId),
                request.refundId(), request.amount(), request.reason(), request.issuedAt())));
    }

    @PostMapping("/api/referrals/{referralId}/deliver")
    public Mono<ReferralView> deliver(@PathVariable String referralId, Caller caller) {
        return ops(caller, referralId, Mono.just(new DeliverReferral(ReferralId.of(referralId))));
    }

    @PostMapping("/api/referrals/{referralId}/complete")
    public Mono<ReferralView> complete(@PathVariable String referralId, Caller caller) {
        return ops(caller, referralId, Mono.just(new CompleteReferral(ReferralId.of(referralId))));
    }

    @PostMapping("/api/referrals/{referralId}/lose")
    public Mono<ReferralView> lose(@PathVariable String referralId,
                                   @Valid @RequestBody Mono<ReferralRequests.Reason> body, Caller caller) {
        return ops(caller, referralId,
                body.map(request -> new LoseReferral(ReferralId.of(referralId), request.reason())));
    }

    @PostMapping("/api/referrals/{referralId}/reassign")
    public Mono<ReferralView> reassign(@PathVariable String referralId,
                                       @Valid @RequestBody Mono<ReferralRequests.Reassign> body, Caller caller) {
        caller.require(Role.OPS);
        return body.map(request -> new ReassignReferral(ReferralId.of(referralId),
                        new PartnerId(request.partnerId().trim()), request.reason()))
                .flatMap(command -> caughtUpIfRefused(referralId, crediting.reassign(command)))
                .then(views.byId(referralId));
    }

    /** A partner refers for itself; operations must say for whom. */
    private static PartnerId creditedPartner(ReferralRequests.Submit request, Caller caller) {
        String named = request.partnerId() == null || request.partnerId().isBlank() ? null : request.partnerId().trim();
        if (caller.isPartner()) {
            if (named != null && !named.equals(caller.partnerId())) {
                throw ProblemException.forbidden("a partner can only submit referrals for itself");
            }
            if (caller.partnerId() == null) {
                throw ProblemException.forbidden("this login is not bound to a partner");
            }
            return new PartnerId(caller.partnerId());
        }
        if (named == null) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION_FAILED, "Invalid request",
                    "partnerId is required when operations submits a referral",
                    Map.of("errors", List.of(Map.of("field", "partnerId", "message", "must not be blank"))));
        }
        return new PartnerId(named);
    }

    private Mono<ReferralView> ops(Caller caller, String referralId, Mono<?> command) {
        caller.require(Role.OPS);
        return command.flatMap(sent -> send(referralId, sent)).then(views.byId(referralId));
    }

    private Mono<ResponseEntity<ReferralView>> recorded(String referralId, Mono<?> command) {
        return command.flatMap(sent -> send(referralId, sent))
                .flatMap(outcome -> outcome == RecordOutcome.RECORDED
                        ? views.byId(referralId).map(view -> ResponseEntity.status(HttpStatus.CREATED).body(view))
                        : views.caughtUpById(referralId).map(view -> ResponseEntity.ok(view)));
    }

    private Mono<Object> send(Object command) {
        return TracedCommands.send(commands, command);
    }

    private Mono<Object> send(String referralId, Object command) {
        return caughtUpIfRefused(referralId, send(command));
    }

    /**
     * A command on the referral that the aggregate refuses first catches up what the caller will read next: a retry of
     * a command whose read-model write was lost to a killed process is refused as already done.
     */
    private Mono<Object> caughtUpIfRefused(String referralId, Mono<Object> sent) {
        return sent.onErrorResume(ReferralCommandController::refused, refusal -> views.caughtUpById(referralId)
                .onErrorResume(notReadable -> Mono.empty()).then(Mono.error(refusal)));
    }

    private static boolean refused(Throwable failure) {
        return failure instanceof CommandRefused || failure.getCause() instanceof CommandRefused;
    }

    /**
     * The stored referral. A retried keyed submission can find the referral its first attempt stored without its
     * read model: the attempt's write is still on its way, or its process was killed before it. The referral is
     * caught up from the event store and read again for up to a second, then 503 so that the client retries, never a
     * 2xx without the referral (FaultUnderLoadIT got an empty 200 once).
     */
    private Mono<ResponseEntity<ReferralView>> created(ReferralId referralId) {
        return views.byId(referralId.value())
                .switchIfEmpty(Mono.defer(() -> views.caughtUpById(referralId.value())))
                .repeatWhenEmpty(again -> again.take(20).delayElements(Duration.ofMillis(50)))
                .map(view -> ResponseEntity.created(URI.create("/api/referrals/" + view.referralId())).body(view))
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                        ProblemTypes.SERVICE_UNAVAILABLE, "Referral not readable yet",
                        "referral %s is stored but not yet readable; retry".formatted(referralId.value()))));
    }
}
