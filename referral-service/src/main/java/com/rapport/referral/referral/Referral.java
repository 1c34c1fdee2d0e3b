package com.rapport.referral.referral;

import com.rapport.events.money.InvalidMoneyException;
import com.rapport.events.money.Money;
import com.rapport.referral.partner.PartnerDirectory;
import com.rapport.referral.partner.PartnerId;
import com.rapport.referral.partner.RegisteredPartner;
import com.rapport.referral.partner.UnknownPartnerException;
import com.rapport.referral.referral.claim.ClientClaims;
import com.rapport.referral.referral.numbering.ContractNumbering;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One referred client, from submission to completion or loss. Decides in its command handlers (status table in
 * {@link ReferralAction}, money rules, repeated payment and refund ids) and changes state only from its events.
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

    protected Referral() {
        // for Axon
    }

    @CommandHandler
    public Referral(SubmitReferral command, PartnerDirectory partners, ClientClaims claims) {
        RegisteredPartner partner = partners.find(command.partnerId())
                .orElseThrow(() -> new UnknownPartnerException("partnerId", command.partnerId()));
        if (command.estimatedValue() != null) {
            requirePositive(command.estimatedValue(), "estimatedValue");
        }
        ReferredClient client = command.client().trimmed();
        if (partner.owns(client.contactEmail())) {
            throw ReferralRefusedException.selfReferral();
        }
        // last, after every other check: a refused submission must not hold the client
        claims.claim(command.referralId(), client);
        apply(new ReferralSubmitted(command.referralId(), command.partnerId(), client, command.description().trim(),
                command.estimatedValue()));
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
    void handle(SignContract command, ContractNumbering numbering) {
        requirePositive(command.contractValue(), "contractValue");
        ReferralAction.SIGN_CONTRACT.requireAllowedFrom(status);
        // numbered only once every check has passed, so a refused signing takes no number
        int contractNumber = numbering.numberFor(partnerId, referralId);
        apply(new ContractSigned(referralId, partnerId, command.contractValue(), command.signedAt(), contractNumber));
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
    void handle(ReassignReferral command, PartnerDirectory partners) {
        ReferralAction.REASSIGN.requireAllowedFrom(status);
        RegisteredPartner newPartner = partners.find(command.newPartnerId())
                .orElseThrow(() -> new UnknownPartnerException("partnerId", command.newPartnerId()));
        if (newPartner.partnerId().equals(partnerId)) {
            throw ReferralRefusedException.alreadyAssigned(partnerId);
        }
        if (newPartner.owns(client.contactEmail())) {
            throw ReferralRefusedException.selfReferral();
        }
        apply(new ReferralReassigned(referralId, newPartner.partnerId(), partnerId, command.reason()));
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
        partnerId = event.partnerId();
    }
}
