package com.rapport.commission.accrual;

import com.rapport.commission.dealterms.AgreedTerms;
import com.rapport.commission.plan.PlanTerms;
import com.rapport.commission.plan.TierChoice;
import com.rapport.events.commission.CommissionRole;
import com.rapport.events.money.Money;
import com.rapport.events.referral.CreditShare;
import com.rapport.events.referral.ScheduledInstalment;
import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The commission of one referral, from its signed contract on. It locks the terms at signing (per introducer: its
 * share, tier or the deal's terms, cap, and its parent's override), turns every client payment and refund into
 * ledger entries by the cumulative rule, follows the contract value through change orders, and remembers the id of
 * every referral event it has applied: the same event delivered twice changes nothing.
 */
@Aggregate
public class ReferralCommission {

    private static final Logger log = LoggerFactory.getLogger(ReferralCommission.class);

    @AggregateIdentifier
    private ReferralId referralId;
    private Money contractValue;
    private Money netCash;
    private ReferralStage stage;
    /** One per role and introducer, in the order they were locked. */
    private final Map<String, Role> roles = new LinkedHashMap<>();
    private final Map<String, Money> earned = new HashMap<>();
    private final Set<String> appliedEvents = new HashSet<>();
    // contracts locked before events carried the introducer's parent: their override may still be waiting
    private PartnerId firstIntroducerId;
    private RateLocked firstIntroducerLock;
    private BigDecimal overrideRateAwaitingPartner;

    /** A locked role: who earns, on whose introduction, on what terms, and how its entries read. */
    private record Role(CommissionRole role, PartnerId partnerId, PartnerId introducerPartnerId, String introducerName,
                        RoleTerms terms, String tierDescription, int holdDays, boolean dealTerms) {
    }

    protected ReferralCommission() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(LockCommission command) {
        if (referralId != null) {
            if (appliedEvents.contains(command.sourceEventId())) {
                return;
            }
            throw new InconsistentReferralEventException(
                    "referral %s already has a signed contract".formatted(command.referralId()));
        }
        requireValidContract(command);
        AgreedTerms deal = usableDealTerms(command);
        for (Introducer introducer : command.introducers()) {
            PlanTerms plan = introducer.plan().terms();
            TierChoice tier = plan.tierFor(introducer.contractNumber());
            BigDecimal share = introducer.share();
            Money planCap = plan.capFor(command.contractValue().currency()).orElse(null);
            if (deal == null) {
                apply(rateLocked(command, introducer, CommissionRole.INTRODUCER, introducer.partnerId(),
                        tier.rate(), tier.number(), tier.describe(), planCap, null, false));
            } else {
                // the deal's cap is for the whole referral: each co-introducer's part of it, rounded on its own
                Money cap = deal.cap() == null ? planCap : deal.cap().times(share);
                apply(rateLocked(command, introducer, CommissionRole.INTRODUCER, introducer.partnerId(),
                        deal.rate(), 0, "terms agreed for this deal", cap, deal.flatFee(), true));
            }
            PartnerId parent = introducer.parentPartnerId();
            if (parent != null && !parent.equals(introducer.partnerId()) && plan.overrideRate().signum() > 0) {
                // one level only: the introducer's parent, never the parent's parent; deal terms leave it unchanged
                apply(rateLocked(command, introducer, CommissionRole.OVERRIDE, parent, plan.overrideRate(), 0,
                        "override", null, null, false));
            }
        }
    }

    @CommandHandler
    public void handle(RecordClientPayment command) {
        if (appliedEvents.contains(command.sourceEventId())) {
            return;
        }
        requireContractCurrency(command.amount(), command.netCash());
        apply(new ClientPaymentRecorded(referralId.value(), command.sourceEventId(), command.paymentId(),
                command.amount(), command.receivedAt(), command.receivedOn(), command.netCash()));
        settleOverrideAwaitingPartner(command.shares(), command.sourceEventId());
        accrue(command.sourceEventId(), command.netCash(), command.amount(), command.receivedOn(), false);
    }

    @CommandHandler
    public void handle(RecordClientRefund command) {
        if (appliedEvents.contains(command.sourceEventId())) {
            return;
        }
        requireContractCurrency(command.amount(), command.netCash());
        apply(new ClientRefundRecorded(referralId.value(), command.sourceEventId(), command.refundId(),
                command.amount(), command.issuedAt(), command.issuedOn(), command.netCash()));
        settleOverrideAwaitingPartner(command.shares(), command.sourceEventId());
        accrue(command.sourceEventId(), command.netCash(), command.amount().negate(), command.issuedOn(), true);
    }

    /** The contract value follows the change order; terms and caps stay as locked, and no entry is written. */
    @CommandHandler
    public void handle(RecordContractAmendment command) {
        if (appliedEvents.contains(command.sourceEventId())) {
            return;
        }
        if (!command.contractValue().sameCurrencyAs(contractValue) || !command.contractValue().isPositive()) {
            throw new InconsistentReferralEventException("referral %s: amended contract value %s does not fit a %s contract"
                    .formatted(referralId, command.contractValue(), contractValue.currencyCode()));
        }
        apply(new ContractAmended(referralId.value(), command.amendmentId(), command.delta(), command.contractValue(),
                command.reason(), command.signedAt(), command.sourceEventId()));
    }

    @CommandHandler
    public void handle(RecordPaymentSchedule command) {
        if (appliedEvents.contains(command.sourceEventId())) {
            return;
        }
        for (ScheduledInstalment instalment : command.schedule()) {
            if (instalment.amount() == null || !instalment.amount().sameCurrencyAs(contractValue)
                    || instalment.dueDate() == null) {
                throw new InconsistentReferralEventException("referral %s: instalment %s does not fit a %s contract"
                        .formatted(referralId, instalment, contractValue.currencyCode()));
            }
        }
        apply(new PaymentScheduleSet(referralId.value(), command.schedule(), command.sourceEventId()));
    }

    @CommandHandler
    public void handle(RecordReferralStage command) {
        if (appliedEvents.contains(command.sourceEventId()) || stage == command.stage()) {
            return;
        }
        apply(new ReferralStageChanged(referralId.value(), command.stage(), command.sourceEventId()));
    }

    /** One entry per role: the difference between the new cumulative target and what the role has so far. */
    private void accrue(String sourceEventId, Money netCash, Money basis, LocalDate cashDate, boolean refund) {
        boolean coIntroduced = introducerCount() > 1;
        for (Map.Entry<String, Role> locked : roles.entrySet()) {
            Role role = locked.getValue();
            Money before = earned.get(locked.getKey());
            Money entry = role.terms().target(netCash, contractValue).minus(before);
            if (entry.isZero()) {
                continue;
            }
            Money earnedAfter = before.plus(entry);
            String explanation = Explanations.explain(new Explanations.Context(role.role(), role.terms().rate(),
                    role.tierDescription(), role.terms().cap(), role.terms().capped(netCash, contractValue), refund,
                    basis.abs(), cashDate, contractValue, role.introducerName(), role.terms().share(),
                    role.terms().flatFee(), role.dealTerms(), netCash));
            String entryId = coIntroduced ? entryId(sourceEventId, role.role(), valueOf(role.introducerPartnerId()))
                    : entryId(sourceEventId, role.role());
            if (entry.isPositive()) {
                apply(new CommissionAccrued(entryId, referralId.value(), role.partnerId().value(), role.role(), entry,
                        role.terms().rate(), basis, cashDate.plusDays(role.holdDays()), cashDate, explanation,
                        sourceEventId, earnedAfter, valueOf(role.introducerPartnerId())));
            } else {
                // a reversal counts at once
                apply(new CommissionReversed(entryId, referralId.value(), role.partnerId().value(), role.role(), entry,
                        role.terms().rate(), basis, cashDate, cashDate, explanation, sourceEventId, earnedAfter,
                        valueOf(role.introducerPartnerId())));
            }
        }
    }

    /**
     * A contract locked before events carried the introducer's parent may still wait for its override: the first
     * cash event that names the parent locks it, on the plan version locked at signing, and the cumulative rule
     * catches up on the cash received meanwhile in that event's entry.
     */
    private void settleOverrideAwaitingPartner(List<CreditShare> shares, String sourceEventId) {
        if (overrideRateAwaitingPartner == null) {
            return;
        }
        CreditShare introducer = shares.stream().filter(s -> firstIntroducerId.value().equals(s.partnerId()))
                .findFirst().orElse(null);
        if (introducer == null) {
            return;
        }
        BigDecimal rate = overrideRateAwaitingPartner;
        // the shares are the Kafka payload's: plain strings
        String parent = introducer.parentPartnerId();
        apply(new IntroducerIdentified(referralId.value(), introducer.name(), parent, sourceEventId));
        if (parent == null || parent.equals(firstIntroducerId.value()) || rate.signum() <= 0) {
            return;
        }
        RateLocked first = firstIntroducerLock;
        apply(new RateLocked(referralId.value(), CommissionRole.OVERRIDE, parent, first.planId(), first.planVersion(),
                rate, 0, "override", null, contractValue, first.contractNumber(), first.signedAt(), first.holdDays(),
                firstIntroducerId.value(), introducer.name(), sourceEventId, BigDecimal.ONE, null, false));
    }

    private static void requireValidContract(LockCommission command) {
        if (!command.contractValue().isPositive() || command.introducers().isEmpty()) {
            throw new InconsistentReferralEventException("contract of referral %s has value %s and %d introducers"
                    .formatted(command.referralId(), command.contractValue(), command.introducers().size()));
        }
        BigDecimal total = BigDecimal.ZERO;
        Set<PartnerId> partners = new HashSet<>();
        for (Introducer introducer : command.introducers()) {
            BigDecimal share = introducer.share();
            if (introducer.contractNumber() < 1 || share == null || share.signum() <= 0
                    || share.compareTo(BigDecimal.ONE) > 0 || !partners.add(introducer.partnerId())) {
                throw new InconsistentReferralEventException(
                        "contract of referral %s: introducer %s has share %s and contract number %d".formatted(
                                command.referralId(), introducer.partnerId(), share, introducer.contractNumber()));
            }
            total = total.add(share);
        }
        if (total.compareTo(BigDecimal.ONE) != 0) {
            throw new InconsistentReferralEventException("contract of referral %s: shares add up to %s, not 1"
                    .formatted(command.referralId(), total));
        }
    }

    /** Agreed terms in another currency than the contract cannot apply: the plan does (DECISIONS.md). */
    private static AgreedTerms usableDealTerms(LockCommission command) {
        AgreedTerms deal = command.dealTerms();
        if (deal == null) {
            return null;
        }
        boolean feeFits = deal.flatFee() == null || deal.flatFee().sameCurrencyAs(command.contractValue());
        boolean capFits = deal.cap() == null || deal.cap().sameCurrencyAs(command.contractValue());
        if (!feeFits || !capFits) {
            log.warn("terms agreed for referral {} are not in the contract's {}: the plan applies",
                    command.referralId(), command.contractValue().currencyCode());
            return null;
        }
        return deal;
    }

    private void requireContractCurrency(Money amount, Money netCash) {
        if (!amount.sameCurrencyAs(contractValue) || !netCash.sameCurrencyAs(contractValue)) {
            throw new InconsistentReferralEventException("referral %s: %s / net cash %s is not in the contract's %s"
                    .formatted(referralId, amount, netCash, contractValue.currencyCode()));
        }
        if (netCash.isNegative()) {
            throw new InconsistentReferralEventException(
                    "referral %s: net cash %s is negative".formatted(referralId, netCash));
        }
    }

    private static RateLocked rateLocked(LockCommission command, Introducer introducer, CommissionRole role,
                                         PartnerId partnerId, BigDecimal rate, int tierNumber, String tierLabel,
                                         Money cap, Money flatFee, boolean dealTerms) {
        return new RateLocked(command.referralId().value(), role, partnerId.value(), introducer.plan().planId(),
                introducer.plan().version(), rate, tierNumber, tierLabel, cap, command.contractValue(),
                introducer.contractNumber(), command.signedAt(), introducer.plan().terms().holdDays(),
                introducer.partnerId().value(), introducer.name(), command.sourceEventId(), introducer.share(),
                flatFee, dealTerms);
    }

    /** The plain string an event keeps (null stays null: old events name no introducer). */
    private static String valueOf(PartnerId partnerId) {
        return partnerId == null ? null : partnerId.value();
    }

    /** The same source event and role always name the same entry (a referral with one introducer). */
    static String entryId(String sourceEventId, CommissionRole role) {
        return UUID.nameUUIDFromBytes((sourceEventId + "/" + role).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** With co-introducers: the same source event, role and introducer always name the same entry. */
    static String entryId(String sourceEventId, CommissionRole role, String introducerPartnerId) {
        return UUID.nameUUIDFromBytes((sourceEventId + "/" + role + "/" + introducerPartnerId)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private long introducerCount() {
        return roles.values().stream().filter(r -> r.role() == CommissionRole.INTRODUCER).count();
    }

    private static String key(CommissionRole role, PartnerId introducer) {
        return role + "/" + valueOf(introducer);
    }

    private String keyOf(CommissionRole role, String introducerPartnerId) {
        // entries written before co-introducers name no introducer: the referral had only one
        return key(role, introducerPartnerId == null ? firstIntroducerId : PartnerId.of(introducerPartnerId));
    }

    @EventSourcingHandler
    void on(RateLocked event) {
        if (referralId == null) {
            referralId = ReferralId.of(event.referralId());
            contractValue = event.contractValue();
            stage = ReferralStage.CONTRACTED;
            netCash = Money.zero(event.contractValue().currency());
            firstIntroducerId = PartnerId.of(event.introducerPartnerId());
            firstIntroducerLock = event;
        }
        PartnerId introducer = PartnerId.of(event.introducerPartnerId());
        String key = key(event.role(), introducer);
        roles.put(key, new Role(event.role(), PartnerId.of(event.partnerId()), introducer,
                event.introducerName(), event.terms(), event.tierLabel(), event.holdDays(),
                event.agreedForThisDeal()));
        earned.put(key, Money.zero(event.contractValue().currency()));
        appliedEvents.add(event.sourceEventId());
    }

    @EventSourcingHandler
    void on(OverrideDeferred event) {
        overrideRateAwaitingPartner = event.overrideRate();
    }

    @EventSourcingHandler
    void on(IntroducerIdentified event) {
        overrideRateAwaitingPartner = null;
        String key = key(CommissionRole.INTRODUCER, firstIntroducerId);
        Role introducer = roles.get(key);
        if (introducer != null) {
            roles.put(key, new Role(introducer.role(), introducer.partnerId(), introducer.introducerPartnerId(),
                    event.introducerName(), introducer.terms(), introducer.tierDescription(), introducer.holdDays(),
                    introducer.dealTerms()));
        }
    }

    @EventSourcingHandler
    void on(ClientPaymentRecorded event) {
        appliedEvents.add(event.sourceEventId());
        netCash = event.netCash();
    }

    @EventSourcingHandler
    void on(ClientRefundRecorded event) {
        appliedEvents.add(event.sourceEventId());
        netCash = event.netCash();
    }

    @EventSourcingHandler
    void on(ContractAmended event) {
        appliedEvents.add(event.sourceEventId());
        contractValue = event.contractValue();
    }

    @EventSourcingHandler
    void on(PaymentScheduleSet event) {
        appliedEvents.add(event.sourceEventId());
    }

    @EventSourcingHandler
    void on(CommissionAccrued event) {
        earned.put(keyOf(event.role(), event.introducerPartnerId()), event.earnedSoFar());
    }

    @EventSourcingHandler
    void on(CommissionReversed event) {
        earned.put(keyOf(event.role(), event.introducerPartnerId()), event.earnedSoFar());
    }

    @EventSourcingHandler
    void on(ReferralStageChanged event) {
        stage = event.stage();
        appliedEvents.add(event.sourceEventId());
    }
}
