package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.rapport.events.money.InvalidMoneyException;
import com.rapport.events.money.Money;
import com.rapport.support.domain.CommandRefused;
import com.rapport.support.id.PartnerId;
import com.rapport.referral.partner.RegisteredPartner;
import com.rapport.referral.partner.UnknownPartnerException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import com.rapport.support.problem.ProblemTypes;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One referred client, from submission to completion or loss. Decides in its command handlers (status table in
 * {@link ReferralAction}, money rules, repeated payment and refund ids) and changes state only from its events.
 * It asks no one: what other aggregates and the set rules say (the partners named, the referral a follow-on
 * follows, each co-introducer's contract number) is looked up or allocated before the command is sent
 * ({@link ReferralSubmission}, {@link ContractSigning}, {@link CreditAssignment}) and travels in the command. Its
 * refusals are {@link CommandRefused}s, with no HTTP in them.
 */
@Aggregate
public class Referral {

    @AggregateIdentifier
    private ReferralId referralId;
    private PartnerId partnerId;
    private ReferredClient client;
    private ReferralStatus status;
    private Money contractValue;
    private Money paid;
    private Money refunded;
    private final Map<String, PaymentReceived> payments = new HashMap<>();
    private final Map<String, RefundIssued> refunds = new HashMap<>();
    private final Map<String, ContractAmended> amendments = new HashMap<>();
    /** Never empty once submitted: one share of 1 for the referring partner until the credit is split. */
    private List<IntroducerShare> shares = List.of();

    /** At most 4 digits after the point (API.md). */
    private static final int SHARE_MAX_SCALE = 4;

    protected Referral() {
        // for Axon
    }

    @CommandHandler
    public Referral(SubmitReferral command) {
        requireSubmittable(command);
        apply(new ReferralSubmitted(command.referralId(), command.partnerId(), command.client().trimmed(),
                command.description().trim(), command.estimatedValue()));
    }

    /**
     * Every rule of a submission, in the order they are answered; the one set rule, the client's claim, is the
     * submission's, taken only once these pass so that a refused submission never holds the client.
     */
    static void requireSubmittable(SubmitReferral command) {
        RegisteredPartner partner = command.partner();
        if (partner == null || !partner.partnerId().equals(command.partnerId())) {
            throw new UnknownPartnerException("partnerId", command.partnerId());
        }
        if (command.estimatedValue() != null) {
            requirePositive(command.estimatedValue(), "estimatedValue");
        }
        if (partner.owns(command.client().trimmed().contactEmail())) {
            throw ReferralRefusedException.selfReferral();
        }
    }

    @CommandHandler
    public Referral(OpenFollowOn command) {
        FollowOnSource source = requireFollowOnAllowed(command);
        apply(new FollowOnOpened(command.referralId(), source.partnerId(), source.referralId(), source.client(),
                command.description().trim(), command.estimatedValue(), source.shares()));
    }

    /**
     * Every rule of a follow-on, in the order they are answered; the hand-over of the client's claim is the
     * submission's, done only once these pass. Answers the referral followed.
     */
    static FollowOnSource requireFollowOnAllowed(OpenFollowOn command) {
        if (command.estimatedValue() != null) {
            requirePositive(command.estimatedValue(), "estimatedValue");
        }
        FollowOnSource source = command.source();
        if (source == null || !source.referralId().equals(command.followOnOf())) {
            throw CommandRefused.notFound("referral", command.followOnOf().value());
        }
        ReferralAction.OPEN_FOLLOW_ON.requireAllowedFrom(source.status());
        return source;
    }

    /** Rejected or lost before any contract: no signing can ever succeed, so no contract number is ever its. */
    boolean canNeverBeSigned() {
        return contractValue == null && (status == ReferralStatus.REJECTED || status == ReferralStatus.LOST);
    }

    /** This referral as a follow-on of it starts from. */
    FollowOnSource asFollowOnSource() {
        return new FollowOnSource(referralId, partnerId, client, status, shares);
    }

    @CommandHandler
    void handle(QualifyReferral command) {
        ReferralAction.QUALIFY.requireAllowedFrom(status);
        apply(new ReferralQualified(referralId, partnerId));
    }

    @CommandHandler
    void handle(RejectReferral command) {
        ReferralAction.REJECT.requireAllowedFrom(status);
        apply(new ReferralRejected(referralId, partnerId, command.reason()));
    }

    @CommandHandler
    void handle(QuoteReferral command) {
        // bad input is bad in any state: 400 before any 409
        requirePositive(command.amount(), "amount");
        ReferralAction.QUOTE.requireAllowedFrom(status);
        apply(new ReferralQuoted(referralId, partnerId, command.amount()));
    }

    @CommandHandler
    void handle(SignContract command) {
        // every co-introducer counts this contract as its own n-th
        Map<String, Integer> introducerNumbers = new LinkedHashMap<>();
        for (PartnerId introducer : introducersToNumber(command)) {
            Integer number = command.contractNumbers().get(introducer);
            if (number == null) {
                // the credit was split between the numbering and now: signing again numbers the new co-introducer
                throw new CommandRefused(CommandRefused.Reason.CONFLICT, ProblemTypes.CONCURRENT_MODIFICATION,
                        "Concurrent modification", "the referral's credit changed while the contract was being "
                        + "signed; sign it again");
            }
            introducerNumbers.put(introducer.value(), number);
        }
        apply(new ContractSigned(referralId, partnerId, command.contractValue(), command.signedAt(),
                introducerNumbers.get(partnerId.value()), Map.copyOf(introducerNumbers)));
        if (!command.schedule().isEmpty()) {
            apply(new ScheduleSet(referralId, partnerId, command.schedule()));
        }
    }

    /**
     * Every rule of a signing, in the order they are answered; then the partners who need a contract number for it
     * (the co-introducers). {@link ContractSigning} asks this of the stored referral before it allocates numbers,
     * so a refused signing takes no number.
     */
    List<PartnerId> introducersToNumber(SignContract command) {
        requirePositive(command.contractValue(), "contractValue");
        if (!command.schedule().isEmpty()) {
            requireSchedule(command.schedule(), command.contractValue(), "the contract value");
        }
        ReferralAction.SIGN_CONTRACT.requireAllowedFrom(status);
        return shares.stream().map(IntroducerShare::partnerId).toList();
    }

    @CommandHandler
    RecordOutcome handle(AmendContract command) {
        if (command.delta().isZero()) {
            throw new InvalidMoneyException("delta must not be zero");
        }
        ContractAmended earlier = amendments.get(command.amendmentId());
        if (earlier != null) {
            if (earlier.delta().equals(command.delta()) && Objects.equals(earlier.reason(), command.reason())
                    && earlier.signedAt().equals(command.signedAt())) {
                return RecordOutcome.ALREADY_RECORDED;
            }
            throw ReferralRefusedException.amendmentIdReused(command.amendmentId());
        }
        ReferralAction.AMEND_CONTRACT.requireAllowedFrom(status);
        if (!command.delta().sameCurrencyAs(contractValue)) {
            throw ReferralRefusedException.currencyMismatch(command.delta(), contractValue);
        }
        Money newValue = contractValue.plus(command.delta());
        if (!newValue.isPositive() || newValue.compareTo(paid) < 0) {
            throw ReferralRefusedException.amendmentBelowCash(newValue, paid);
        }
        apply(new ContractAmended(referralId, partnerId, command.amendmentId(), command.delta(), newValue,
                command.reason(), command.signedAt()));
        return RecordOutcome.RECORDED;
    }

    @CommandHandler
    void handle(SetSchedule command) {
        ReferralAction.SET_SCHEDULE.requireAllowedFrom(status);
        // the instalments still expected: what the contract is worth less what the client has already paid
        requireSchedule(command.schedule(), contractValue.minus(paid), "the unpaid part of the contract");
        apply(new ScheduleSet(referralId, partnerId, command.schedule()));
    }

    @CommandHandler
    void handle(SplitCredit command) {
        requireWellFormedShares(command.shares());
        ReferralAction.SPLIT_CREDIT.requireAllowedFrom(status);
        if (command.shares().stream().noneMatch(share -> share.partnerId().equals(partnerId))) {
            throw invalid("shares", "the shares must include the referring partner " + partnerId);
        }
        for (IntroducerShare share : command.shares()) {
            RegisteredPartner introducer = command.introducers().get(share.partnerId());
            if (introducer == null || !introducer.partnerId().equals(share.partnerId())) {
                throw new UnknownPartnerException("shares", share.partnerId());
            }
            if (introducer.owns(client.contactEmail())) {
                throw ReferralRefusedException.selfReferral();
            }
        }
        if (sameShares(command.shares())) {
            return;
        }
        apply(new CreditSplit(referralId, partnerId, List.copyOf(command.shares())));
    }

    @CommandHandler
    void handle(RecordMilestone command) {
        ReferralAction.RECORD_MILESTONE.requireAllowedFrom(status);
        apply(new MilestoneReached(referralId, partnerId, command.name(), command.note()));
    }

    @CommandHandler
    RecordOutcome handle(RecordPayment command) {
        requirePositive(command.amount(), "amount");
        PaymentReceived earlier = payments.get(command.paymentId());
        if (earlier != null) {
            if (earlier.amount().equals(command.amount()) && earlier.kind() == command.kind()
                    && earlier.receivedAt().equals(command.receivedAt())) {
                return RecordOutcome.ALREADY_RECORDED;
            }
            throw ReferralRefusedException.paymentIdReused(command.paymentId());
        }
        ReferralAction.RECORD_PAYMENT.requireAllowedFrom(status);
        Money amount = command.amount();
        if (!amount.sameCurrencyAs(contractValue)) {
            throw ReferralRefusedException.currencyMismatch(amount, contractValue);
        }
        if (paid.plus(amount).compareTo(contractValue) > 0) {
            throw ReferralRefusedException.paymentsExceedContract(paid, amount, contractValue);
        }
        apply(new PaymentReceived(referralId, partnerId, command.paymentId(), amount, command.kind(),
                command.receivedAt(), paid.plus(amount).minus(refunded)));
        return RecordOutcome.RECORDED;
    }

    @CommandHandler
    RecordOutcome handle(IssueRefund command) {
        requirePositive(command.amount(), "amount");
        RefundIssued earlier = refunds.get(command.refundId());
        if (earlier != null) {
            if (earlier.amount().equals(command.amount()) && Objects.equals(earlier.reason(), command.reason())
                    && earlier.issuedAt().equals(command.issuedAt())) {
                return RecordOutcome.ALREADY_RECORDED;
            }
            throw ReferralRefusedException.refundIdReused(command.refundId());
        }
        Money amount = command.amount();
        if (paid == null || paid.isZero()) {
            throw ReferralRefusedException.noPaymentToRefund();
        }
        if (!amount.sameCurrencyAs(contractValue)) {
            throw ReferralRefusedException.currencyMismatch(amount, contractValue);
        }
        if (refunded.plus(amount).compareTo(paid) > 0) {
            throw ReferralRefusedException.refundsExceedPayments(refunded, amount, paid);
        }
        apply(new RefundIssued(referralId, partnerId, command.refundId(), amount, command.reason(),
                command.issuedAt(), paid.minus(refunded).minus(amount)));
        return RecordOutcome.RECORDED;
    }

    @CommandHandler
    void handle(DeliverReferral command) {
        ReferralAction.DELIVER.requireAllowedFrom(status);
        apply(new ReferralDelivered(referralId, partnerId));
    }

    @CommandHandler
    void handle(CompleteReferral command) {
        ReferralAction.COMPLETE.requireAllowedFrom(status);
        apply(new ReferralCompleted(referralId, partnerId));
    }

    @CommandHandler
    void handle(LoseReferral command) {
        ReferralAction.LOSE.requireAllowedFrom(status);
        apply(new ReferralLost(referralId, partnerId, command.reason(), status));
    }

    @CommandHandler
    void handle(ReassignReferral command) {
        ReferralAction.REASSIGN.requireAllowedFrom(status);
        RegisteredPartner newPartner = command.newPartner();
        if (newPartner == null || !newPartner.partnerId().equals(command.newPartnerId())) {
            throw new UnknownPartnerException("partnerId", command.newPartnerId());
        }
        if (newPartner.partnerId().equals(partnerId)) {
            throw ReferralRefusedException.alreadyAssigned(partnerId);
        }
        if (shares.stream().anyMatch(share -> share.partnerId().equals(newPartner.partnerId()))) {
            // the referring partner's share would merge into another co-introducer's: split the credit anew instead
            throw ReferralRefusedException.alreadyCoIntroducer(newPartner.partnerId());
        }
        if (newPartner.owns(client.contactEmail())) {
            throw ReferralRefusedException.selfReferral();
        }
        apply(new ReferralReassigned(referralId, newPartner.partnerId(), partnerId, command.reason()));
    }

    private static void requireSchedule(List<Instalment> schedule, Money total, String what) {
        Money sum = Money.zero(total.currency());
        for (Instalment instalment : schedule) {
            requirePositive(instalment.amount(), "schedule amount");
            if (!instalment.amount().sameCurrencyAs(total)) {
                throw invalid("schedule", "every instalment must be in %s, the contract's currency"
                        .formatted(total.currencyCode()));
            }
            sum = sum.plus(instalment.amount());
        }
        if (sum.compareTo(total) != 0) {
            throw invalid("schedule", "the instalments add up to %s but must add up to %s, %s"
                    .formatted(sum, what, total));
        }
    }

    private static void requireWellFormedShares(List<IntroducerShare> proposed) {
        if (proposed.isEmpty()) {
            throw invalid("shares", "at least the referring partner's share is needed");
        }
        Set<PartnerId> seen = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (IntroducerShare share : proposed) {
            BigDecimal value = share.share();
            if (value.signum() <= 0 || value.compareTo(BigDecimal.ONE) > 0) {
                throw invalid("shares", "each share must be more than 0 and at most 1, was " + value.toPlainString());
            }
            if (value.stripTrailingZeros().scale() > SHARE_MAX_SCALE) {
                throw invalid("shares", "a share has at most %d digits after the point, was %s"
                        .formatted(SHARE_MAX_SCALE, value.toPlainString()));
            }
            if (!seen.add(share.partnerId())) {
                throw invalid("shares", "partner %s is named twice".formatted(share.partnerId()));
            }
            sum = sum.add(value);
        }
        if (sum.compareTo(BigDecimal.ONE) != 0) {
            throw invalid("shares", "the shares must add up to exactly 1, they add up to " + sum.toPlainString());
        }
    }

    private boolean sameShares(List<IntroducerShare> proposed) {
        if (proposed.size() != shares.size()) {
            return false;
        }
        for (int i = 0; i < proposed.size(); i++) {
            if (!proposed.get(i).sameAs(shares.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static CommandRefused invalid(String field, String message) {
        return CommandRefused.invalidField(field, message);
    }

    private static void requirePositive(Money money, String field) {
        if (!money.isPositive()) {
            throw new InvalidMoneyException("%s must be more than zero, was %s".formatted(field, money));
        }
    }

    @EventSourcingHandler
    void on(ReferralSubmitted event) {
        referralId = event.referralId();
        partnerId = event.partnerId();
        client = event.client();
        status = ReferralStatus.SUBMITTED;
        shares = IntroducerShare.whole(event.partnerId());
    }

    @EventSourcingHandler
    void on(FollowOnOpened event) {
        referralId = event.referralId();
        partnerId = event.partnerId();
        client = event.client();
        status = ReferralStatus.QUALIFIED;
        shares = List.copyOf(event.shares());
    }

    @EventSourcingHandler
    void on(CreditSplit event) {
        shares = List.copyOf(event.shares());
    }

    @EventSourcingHandler
    void on(ContractAmended event) {
        amendments.put(event.amendmentId(), event);
        contractValue = event.contractValue();
    }

    @EventSourcingHandler
    void on(ReferralQualified event) {
        status = ReferralStatus.QUALIFIED;
    }

    @EventSourcingHandler
    void on(ReferralRejected event) {
        status = ReferralStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(ReferralQuoted event) {
        status = ReferralStatus.QUOTED;
    }

    @EventSourcingHandler
    void on(ContractSigned event) {
        status = ReferralStatus.CONTRACTED;
        contractValue = event.contractValue();
        paid = Money.zero(contractValue.currency());
        refunded = Money.zero(contractValue.currency());
    }

    @EventSourcingHandler
    void on(PaymentReceived event) {
        payments.put(event.paymentId(), event);
        paid = paid.plus(event.amount());
    }

    @EventSourcingHandler
    void on(RefundIssued event) {
        refunds.put(event.refundId(), event);
        refunded = refunded.plus(event.amount());
    }

    @EventSourcingHandler
    void on(ReferralDelivered event) {
        status = ReferralStatus.DELIVERED;
    }

    @EventSourcingHandler
    void on(ReferralCompleted event) {
        status = ReferralStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(ReferralLost event) {
        status = ReferralStatus.LOST;
    }

    @EventSourcingHandler
    void on(ReferralReassigned event) {
        shares = IntroducerShare.reassigned(shares, event.previousPartnerId(), event.partnerId());
        partnerId = event.partnerId();
    }
}
