package com.rapport.commission.accrual;

import com.rapport.commission.accrual.AccrualCommands.LockCommission;
import com.rapport.commission.accrual.AccrualCommands.LockOverride;
import com.rapport.commission.accrual.AccrualCommands.RecordClientPayment;
import com.rapport.commission.accrual.AccrualCommands.RecordClientRefund;
import com.rapport.commission.accrual.AccrualCommands.RecordReferralStage;
import com.rapport.commission.accrual.AccrualEvents.ClientPaymentRecorded;
import com.rapport.commission.accrual.AccrualEvents.ClientRefundRecorded;
import com.rapport.commission.accrual.AccrualEvents.CommissionAccrued;
import com.rapport.commission.accrual.AccrualEvents.CommissionReversed;
import com.rapport.commission.accrual.AccrualEvents.IntroducerIdentified;
import com.rapport.commission.accrual.AccrualEvents.OverrideDeferred;
import com.rapport.commission.accrual.AccrualEvents.RateLocked;
import com.rapport.commission.accrual.AccrualEvents.ReferralStageChanged;
import com.rapport.commission.plan.PlanTerms;
import com.rapport.commission.plan.TierChoice;
import com.rapport.events.commission.CommissionRole;
import com.rapport.events.money.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The commission of one referral, from its signed contract on. It locks the terms at signing, turns every client
 * payment and refund into ledger entries by the cumulative rule, and remembers the id of every referral event it has
 * applied: the same event delivered twice changes nothing.
 */
@Aggregate
public class ReferralCommission {

    @AggregateIdentifier
    private String referralId;
    private Money contractValue;
    private int contractNumber;
    private Instant signedAt;
    private String planId;
    private int planVersion;
    private int holdDays;
    private String introducerPartnerId;
    private String introducerName;
    private BigDecimal overrideRateAwaitingPartner;
    private Money netCash;
    private LocalDate lastCashOn;
    private ReferralStage stage;
    private final Map<CommissionRole, LockedRate> rates = new EnumMap<>(CommissionRole.class);
    private final Map<CommissionRole, Money> earned = new EnumMap<>(CommissionRole.class);
    private final Set<String> appliedEvents = new HashSet<>();

    private record LockedRate(String partnerId, BigDecimal rate, Money cap, String tierDescription) {
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
        if (!command.contractValue().isPositive() || command.contractNumber() < 1) {
            throw new InconsistentReferralEventException("contract of referral %s has value %s and number %d"
                    .formatted(command.referralId(), command.contractValue(), command.contractNumber()));
        }
        PlanTerms terms = command.plan().terms();
        TierChoice tier = terms.tierFor(command.contractNumber());
        Money cap = terms.capFor(command.contractValue().currency()).orElse(null);
        apply(rateLocked(command, CommissionRole.INTRODUCER, command.introducerPartnerId(), tier.rate(),
                tier.number(), tier.describe(), cap));
        if (!command.introducerKnown()) {
            // its registration is on another partition and not read yet: the override is settled by LockOverride
            apply(new OverrideDeferred(command.referralId(), command.introducerPartnerId(),
                    terms.overrideRate(), command.sourceEventId()));
            return;
        }
        String parent = command.overridePartnerId();
        if (parent != null && !parent.equals(command.introducerPartnerId()) && terms.overrideRate().signum() > 0) {
            // one level only: the introducer's parent, never the parent's parent
            apply(rateLocked(command, CommissionRole.OVERRIDE, parent, terms.overrideRate(), 0, "override", null));
        }
    }

    @CommandHandler
    public void handle(LockOverride command) {
        if (overrideRateAwaitingPartner == null) {
            return;
        }
        BigDecimal rate = overrideRateAwaitingPartner;
        String parent = command.parentPartnerId();
        apply(new IntroducerIdentified(referralId, command.introducerName(), parent, command.sourceEventId()));
        if (parent == null || parent.equals(introducerPartnerId) || rate.signum() <= 0) {
            return;
        }
        // the same terms as if the registration had been known at signing: the version locked then
        apply(new RateLocked(referralId, CommissionRole.OVERRIDE, parent, planId, planVersion, rate, 0, "override",
                null, contractValue, contractNumber, signedAt, holdDays, introducerPartnerId, command.introducerName(),
                command.sourceEventId()));
        Money entry = CumulativeAccrual.target(rate, null, netCash);
        if (entry.isPositive()) {
            // the cumulative rule catches up on the cash received meanwhile in one entry
            String explanation = Explanations.explainCatchUp(rate, netCash, lastCashOn, contractValue,
                    command.introducerName());
            apply(new CommissionAccrued(entryId(command.sourceEventId(), CommissionRole.OVERRIDE), referralId, parent,
                    CommissionRole.OVERRIDE, entry, rate, netCash, lastCashOn.plusDays(holdDays), lastCashOn,
                    explanation, command.sourceEventId(), entry));
        }
    }

    @CommandHandler
    public void handle(RecordClientPayment command) {
        if (appliedEvents.contains(command.sourceEventId())) {
            return;
        }
        requireContractCurrency(command.amount(), command.netCash());
        apply(new ClientPaymentRecorded(referralId, command.sourceEventId(), command.paymentId(), command.amount(),
                command.receivedAt(), command.receivedOn(), command.netCash()));
        accrue(command.sourceEventId(), command.netCash(), command.amount(), command.receivedOn(), false);
    }

    @CommandHandler
    public void handle(RecordClientRefund command) {
        if (appliedEvents.contains(command.sourceEventId())) {
            return;
        }
        requireContractCurrency(command.amount(), command.netCash());
        apply(new ClientRefundRecorded(referralId, command.sourceEventId(), command.refundId(), command.amount(),
                command.issuedAt(), command.issuedOn(), command.netCash()));
        accrue(command.sourceEventId(), command.netCash(), command.amount().negate(), command.issuedOn(), true);
    }

    @CommandHandler
    public void handle(RecordReferralStage command) {
        if (appliedEvents.contains(command.sourceEventId()) || stage == command.stage()) {
            return;
        }
        apply(new ReferralStageChanged(referralId, command.stage(), command.sourceEventId()));
    }

    /** One entry per role: the difference between the new cumulative target and what the role has so far. */
    private void accrue(String sourceEventId, Money netCash, Money basis, LocalDate cashDate, boolean refund) {
        for (Map.Entry<CommissionRole, LockedRate> locked : rates.entrySet()) {
            CommissionRole role = locked.getKey();
            LockedRate rate = locked.getValue();
            Money entry = CumulativeAccrual.nextEntry(rate.rate(), rate.cap(), netCash, earned.get(role));
            if (entry.isZero()) {
                continue;
            }
            Money earnedAfter = earned.get(role).plus(entry);
            String explanation = Explanations.explain(new Explanations.Context(role, rate.rate(),
                    rate.tierDescription(), rate.cap(), CumulativeAccrual.capped(rate.rate(), rate.cap(), netCash),
                    refund, basis.abs(), cashDate, contractValue, introducerName));
            String entryId = entryId(sourceEventId, role);
            if (entry.isPositive()) {
                apply(new CommissionAccrued(entryId, referralId, rate.partnerId(), role, entry, rate.rate(), basis,
                        cashDate.plusDays(holdDays), cashDate, explanation, sourceEventId, earnedAfter));
            } else {
                // a reversal counts at once
                apply(new CommissionReversed(entryId, referralId, rate.partnerId(), role, entry, rate.rate(), basis,
                        cashDate, cashDate, explanation, sourceEventId, earnedAfter));
            }
        }
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

    private static RateLocked rateLocked(LockCommission command, CommissionRole role, String partnerId,
                                         BigDecimal rate, int tierNumber, String tierLabel, Money cap) {
        return new RateLocked(command.referralId(), role, partnerId, command.plan().planId(),
                command.plan().version(), rate, tierNumber, tierLabel, cap, command.contractValue(),
                command.contractNumber(), command.signedAt(), command.plan().terms().holdDays(),
                command.introducerPartnerId(), command.introducerName(), command.sourceEventId());
    }

    /** The same source event and role always name the same entry. */
    static String entryId(String sourceEventId, CommissionRole role) {
        return UUID.nameUUIDFromBytes((sourceEventId + "/" + role).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @EventSourcingHandler
    void on(RateLocked event) {
        if (event.role() == CommissionRole.INTRODUCER) {
            referralId = event.referralId();
            contractValue = event.contractValue();
            contractNumber = event.contractNumber();
            signedAt = event.signedAt();
            planId = event.planId();
            planVersion = event.planVersion();
            holdDays = event.holdDays();
            introducerPartnerId = event.introducerPartnerId();
            introducerName = event.introducerName();
            stage = ReferralStage.CONTRACTED;
            netCash = Money.zero(event.contractValue().currency());
        }
        rates.put(event.role(), new LockedRate(event.partnerId(), event.rate(), event.cap(), event.tierLabel()));
        earned.put(event.role(), Money.zero(event.contractValue().currency()));
        appliedEvents.add(event.sourceEventId());
    }

    @EventSourcingHandler
    void on(OverrideDeferred event) {
        overrideRateAwaitingPartner = event.overrideRate();
    }

    @EventSourcingHandler
    void on(IntroducerIdentified event) {
        overrideRateAwaitingPartner = null;
        introducerName = event.introducerName();
    }

    @EventSourcingHandler
    void on(ClientPaymentRecorded event) {
        appliedEvents.add(event.sourceEventId());
        netCash = event.netCash();
        lastCashOn = event.receivedOn();
    }

    @EventSourcingHandler
    void on(ClientRefundRecorded event) {
        appliedEvents.add(event.sourceEventId());
        netCash = event.netCash();
        lastCashOn = event.issuedOn();
    }

    @EventSourcingHandler
    void on(CommissionAccrued event) {
        earned.put(event.role(), event.earnedSoFar());
    }

    @EventSourcingHandler
    void on(CommissionReversed event) {
        earned.put(event.role(), event.earnedSoFar());
    }

    @EventSourcingHandler
    void on(ReferralStageChanged event) {
        stage = event.stage();
        appliedEvents.add(event.sourceEventId());
    }
}
