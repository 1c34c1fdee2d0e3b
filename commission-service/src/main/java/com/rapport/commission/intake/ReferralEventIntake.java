package com.rapport.commission.intake;

import com.rapport.commission.accrual.AccrualCommands.LockCommission;
import com.rapport.commission.accrual.AccrualCommands.LockOverride;
import com.rapport.commission.accrual.AccrualCommands.RecordClientPayment;
import com.rapport.commission.accrual.AccrualCommands.RecordClientRefund;
import com.rapport.commission.accrual.AccrualCommands.RecordReferralStage;
import com.rapport.commission.accrual.InconsistentReferralEventException;
import com.rapport.commission.accrual.ReferralStage;
import com.rapport.commission.config.CommissionProperties;
import com.rapport.commission.ledger.LedgerQueries;
import com.rapport.commission.partner.Partner;
import com.rapport.commission.partner.PartnerDirectory;
import com.rapport.commission.plan.PlanCatalogue;
import com.rapport.commission.plan.PlanVersion;
import com.rapport.events.CloudEventCodec.Decoded;
import com.rapport.events.UnprocessableEventException;
import com.rapport.events.referral.ContractSignedV1;
import com.rapport.events.referral.PartnerRegisteredV1;
import com.rapport.events.referral.PaymentReceivedV1;
import com.rapport.events.referral.ReferralCompletedV1;
import com.rapport.events.referral.ReferralDeliveredV1;
import com.rapport.events.referral.ReferralLostV1;
import com.rapport.events.referral.RefundIssuedV1;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns referral events into commands on the referral's commission. Runs on the Kafka listener thread and waits
 * for each command, so the record's offset is committed only once its effect is stored. Idempotency lives in the
 * aggregate (it records the event ids it applied, and locks an override only once) and in the partner directory
 * (an upsert).
 */
@Component
class ReferralEventIntake {

    private static final Logger log = LoggerFactory.getLogger(ReferralEventIntake.class);

    private final CommandGateway commands;
    private final PartnerDirectory partners;
    private final PlanCatalogue plans;
    private final LedgerQueries ledger;
    private final ZoneId zone;
    private final Duration timeout;

    ReferralEventIntake(CommandGateway commands, PartnerDirectory partners, PlanCatalogue plans, LedgerQueries ledger,
                        CommissionProperties properties) {
        this.commands = commands;
        this.partners = partners;
        this.plans = plans;
        this.ledger = ledger;
        this.zone = properties.zone();
        this.timeout = properties.commandTimeout();
    }

    void apply(Decoded event) {
        String eventId = event.eventId();
        Object payload = event.payload();
        if (payload instanceof PartnerRegisteredV1 registered) {
            partners.register(registered);
            // contracts of this partner locked before its registration was read wait for their override
            List<String> waiting = ledger.referralsAwaitingPartner(registered.partnerId()).collectList().block(timeout);
            for (String referralId : waiting == null ? List.<String>of() : waiting) {
                send(new LockOverride(referralId, eventId, registered.name(), registered.parentPartnerId()), true);
            }
        } else if (payload instanceof ContractSignedV1 signed) {
            lock(eventId, signed);
        } else if (payload instanceof PaymentReceivedV1 paid) {
            send(new RecordClientPayment(paid.referralId(), eventId, paid.paymentId(), paid.amount(),
                    paid.receivedAt(), dateOf(paid.receivedAt()), paid.netCash()), true);
        } else if (payload instanceof RefundIssuedV1 refund) {
            send(new RecordClientRefund(refund.referralId(), eventId, refund.refundId(), refund.amount(),
                    refund.issuedAt(), dateOf(refund.issuedAt()), refund.netCash()), true);
        } else if (payload instanceof ReferralDeliveredV1 delivered) {
            send(new RecordReferralStage(delivered.referralId(), eventId, ReferralStage.DELIVERED), false);
        } else if (payload instanceof ReferralCompletedV1 completed) {
            send(new RecordReferralStage(completed.referralId(), eventId, ReferralStage.COMPLETED), false);
        } else if (payload instanceof ReferralLostV1 lost) {
            send(new RecordReferralStage(lost.referralId(), eventId, ReferralStage.LOST), false);
        } else {
            log.debug("{} {} does not concern commissions", event.type().type(), eventId);
        }
    }

    /**
     * Locks the contract at once, whether or not the partner's registration (keyed by partner, so on another
     * partition) has been read: waiting for it here could deadlock two partitions each holding the other's
     * missing registration. Without the registration the parent is unknown, so the override is locked when it
     * comes, by whichever side sees both: the registration's consumer, or this one looking again after locking.
     */
    private void lock(String eventId, ContractSignedV1 signed) {
        PlanVersion plan = plans.currentPlanOf(signed.partnerId()).block(timeout);
        if (plan == null) {
            // the default plan is created at start-up, possibly just after the listener started: retry
            throw new IllegalStateException("the plan of partner %s is not published yet".formatted(signed.partnerId()));
        }
        Optional<Partner> introducer = partners.lookUp(signed.partnerId());
        send(new LockCommission(signed.referralId(), eventId, signed.partnerId(),
                introducer.map(Partner::name).orElse(null), introducer.map(Partner::parentPartnerId).orElse(null),
                introducer.isPresent(), signed.contractValue(), signed.contractNumber(), signed.signedAt(), plan),
                true);
        if (introducer.isEmpty()) {
            partners.lookUp(signed.partnerId()).ifPresent(registered -> send(new LockOverride(signed.referralId(),
                    eventId + "/registration", registered.name(), registered.parentPartnerId()), true));
        }
    }

    /**
     * Sends and waits. A referral without a signed contract has no commission: for cash that is a contradiction
     * (dead-lettered), for a stage change (a referral lost before its contract) there is nothing to do.
     */
    private void send(Object command, boolean commissionRequired) {
        try {
            commands.send(command).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
                return;
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
