package com.rapport.commission.intake;

import com.rapport.commission.accrual.InconsistentReferralEventException;
import com.rapport.commission.accrual.Introducer;
import com.rapport.commission.accrual.LockCommission;
import com.rapport.commission.accrual.RecordClientPayment;
import com.rapport.commission.accrual.RecordClientRefund;
import com.rapport.commission.accrual.RecordContractAmendment;
import com.rapport.commission.accrual.RecordPaymentSchedule;
import com.rapport.commission.accrual.RecordReferralStage;
import com.rapport.commission.accrual.ReferralStage;
import com.rapport.commission.config.AxonProcessingConfiguration;
import com.rapport.commission.config.CommissionProperties;
import com.rapport.commission.dealterms.DealTerms.LockedTerms;
import com.rapport.commission.dealterms.LockDealTerms;
import com.rapport.commission.partner.ClientCompanies;
import com.rapport.commission.partner.Partner;
import com.rapport.commission.partner.PartnerDirectory;
import com.rapport.commission.plan.PlanCatalogue;
import com.rapport.commission.plan.PlanVersion;
import com.rapport.events.CloudEventCodec.Decoded;
import com.rapport.events.EventHandlers;
import com.rapport.events.UnprocessableEventException;
import com.rapport.events.referral.ContractAmendedV1;
import com.rapport.events.referral.ContractSignedV1;
import com.rapport.events.referral.CreditShare;
import com.rapport.events.referral.FollowOnOpenedV1;
import com.rapport.events.referral.PartnerRegisteredV1;
import com.rapport.events.referral.PartnerUpdatedV1;
import com.rapport.events.referral.PaymentReceivedV1;
import com.rapport.events.referral.ReferralCompletedV1;
import com.rapport.events.referral.ReferralDeliveredV1;
import com.rapport.events.referral.ReferralLostV1;
import com.rapport.events.referral.ReferralSubmittedV1;
import com.rapport.events.referral.RefundIssuedV1;
import com.rapport.events.referral.ScheduleSetV1;
import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns referral events into commands on the referral's commission. Runs on a Kafka listener container thread (never
 * an event loop) and waits for each command, so the record's offset is committed only once its effect is stored.
 * It does not wait for read models (they follow on tracking processors). Idempotency lives in the aggregates (they record the event ids they applied) and in the partner directory (an
 * upsert). Every event carries what it needs: no record waits for a partner event from another partition.
 */
@Component
class ReferralEventIntake {

    private static final Logger log = LoggerFactory.getLogger(ReferralEventIntake.class);

    private final CommandGateway commands;
    private final PartnerDirectory partners;
    private final ClientCompanies clients;
    private final PlanCatalogue plans;
    private final ZoneId zone;
    private final Duration timeout;
    private final EventHandlers handlers;

    ReferralEventIntake(@Qualifier(AxonProcessingConfiguration.STORE_ONLY) CommandGateway commands,
                        PartnerDirectory partners, ClientCompanies clients, PlanCatalogue plans,
                        CommissionProperties properties) {
        this.commands = commands;
        this.partners = partners;
        this.clients = clients;
        this.plans = plans;
        this.zone = properties.zone();
        this.timeout = properties.commandTimeout();
        this.handlers = handlers();
    }

    /** One handler per event type. */
    private EventHandlers handlers() {
        return EventHandlers.builder()
                // names for explanations, and the parent of introducers whose old events carry no shares
                .on(PartnerRegisteredV1.class, (event, registered) -> partners.register(registered))
                .on(PartnerUpdatedV1.class, (event, updated) -> partners.rename(updated.partnerId(), updated.name()))
                .on(ReferralSubmittedV1.class, (event, submitted) -> {
                    if (submitted.client() != null) {
                        clients.record(submitted.referralId(), submitted.client().company());
                    }
                })
                .on(FollowOnOpenedV1.class, (event, followOn) -> {
                    if (followOn.client() != null) {
                        clients.record(followOn.referralId(), followOn.client().company());
                    }
                })
                .on(ContractSignedV1.class, (event, signed) -> lock(event.eventId(), signed))
                .on(PaymentReceivedV1.class, (event, paid) -> send(new RecordClientPayment(
                        referralOf(paid.referralId()), event.eventId(), paid.paymentId(), paid.amount(),
                        paid.receivedAt(), dateOf(paid.receivedAt()), paid.netCash(), paid.shares()), true))
                .on(RefundIssuedV1.class, (event, refund) -> send(new RecordClientRefund(
                        referralOf(refund.referralId()), event.eventId(), refund.refundId(), refund.amount(),
                        refund.issuedAt(), dateOf(refund.issuedAt()), refund.netCash(), refund.shares()), true))
                .on(ContractAmendedV1.class, (event, amended) -> send(new RecordContractAmendment(
                        referralOf(amended.referralId()), event.eventId(), amended.amendmentId(), amended.delta(),
                        amended.contractValue(), amended.reason(), amended.signedAt()), true))
                .on(ScheduleSetV1.class, (event, schedule) -> send(new RecordPaymentSchedule(
                        referralOf(schedule.referralId()), event.eventId(), schedule.schedule()), false))
                .on(ReferralDeliveredV1.class, (event, delivered) -> send(new RecordReferralStage(
                        referralOf(delivered.referralId()), event.eventId(), ReferralStage.DELIVERED), false))
                .on(ReferralCompletedV1.class, (event, completed) -> send(new RecordReferralStage(
                        referralOf(completed.referralId()), event.eventId(), ReferralStage.COMPLETED), false))
                .on(ReferralLostV1.class, (event, lost) -> send(new RecordReferralStage(
                        referralOf(lost.referralId()), event.eventId(), ReferralStage.LOST), false))
                // credit-split needs nothing here: the contract-signed event carries the shares
                .otherwise(event -> log.debug("{} {} does not concern commissions", event.type().type(),
                        event.eventId()));
    }

    void apply(Decoded event) {
        handlers.dispatch(event);
    }

    /**
     * Locks the per-deal terms first (a later change to them is then refused), then the commission with them. The
     * introducers, their shares, parents and contract numbers come with the event; an old event without shares
     * credits its partner alone, with the parent the partner directory knows (none when not read yet).
     */
    private void lock(String eventId, ContractSignedV1 signed) {
        LockedTerms deal = send(new LockDealTerms(referralOf(signed.referralId()), eventId, signed.signedAt()), true);
        List<Introducer> introducers = new ArrayList<>();
        for (CreditShare share : sharesOf(signed)) {
            int contractNumber = share.contractNumber() != null ? share.contractNumber() : signed.contractNumber();
            if (share.contractNumber() == null && signed.shares().size() > 1) {
                log.warn("contract of referral {}: co-introducer {} has no contract number, {} is used",
                        signed.referralId(), share.partnerId(), contractNumber);
            }
            introducers.add(new Introducer(PartnerId.of(share.partnerId()), share.name(), share.share(),
                    PartnerId.of(share.parentPartnerId()), contractNumber, planOf(share.partnerId())));
        }
        send(new LockCommission(referralOf(signed.referralId()), eventId, signed.contractValue(), signed.signedAt(),
                introducers, deal == null ? null : deal.terms()), true);
    }

    private List<CreditShare> sharesOf(ContractSignedV1 signed) {
        if (!signed.shares().isEmpty()) {
            return signed.shares();
        }
        Optional<Partner> known = partners.lookUp(signed.partnerId());
        return List.of(new CreditShare(signed.partnerId(), BigDecimal.ONE,
                known.map(Partner::parentPartnerId).orElse(null), null, null, known.map(Partner::name).orElse(null),
                signed.contractNumber()));
    }

    /** The referral a command is for; an event that names none cannot be applied (dead-lettered). */
    private static ReferralId referralOf(String referralId) {
        if (referralId == null || referralId.isBlank()) {
            throw new UnprocessableEventException("the event names no referral");
        }
        return ReferralId.of(referralId);
    }

    private PlanVersion planOf(String partnerId) {
        PlanVersion plan = plans.currentPlanOf(partnerId).block(timeout);
        if (plan == null) {
            // the default plan is created at start-up, possibly just after the listener started: retry
            throw new IllegalStateException("the plan of partner %s is not published yet".formatted(partnerId));
        }
        return plan;
    }

    /**
     * Sends and waits. A referral without a signed contract has no commission: for cash that is a contradiction
     * (dead-lettered), for a stage change (a referral lost before its contract) there is nothing to do.
     */
    private <R> R send(Object command, boolean commissionRequired) {
        try {
            return commands.<R>send(command).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while applying " + command, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer in " + timeout + " to " + command, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CommandExecutionException wrapped && wrapped.getCause() != null
                    ? wrapped.getCause() : e.getCause();
            if (cause instanceof AggregateNotFoundException) {
                if (commissionRequired) {
                    throw new UnprocessableEventException("no signed contract is known for " + command, cause);
                }
                log.debug("no commission for {}: the referral has no signed contract", command);
                return null;
            }
            if (cause instanceof InconsistentReferralEventException inconsistent) {
                throw new UnprocessableEventException(inconsistent.getMessage(), inconsistent);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }

    private LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }
}
