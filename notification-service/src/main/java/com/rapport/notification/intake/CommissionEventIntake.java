package com.rapport.notification.intake;

import com.rapport.events.CloudEventCodec;
import com.rapport.events.EventHandlers;
import com.rapport.events.commission.CommissionAccruedV1;
import com.rapport.events.commission.CommissionAdjustedV1;
import com.rapport.events.commission.CommissionReversedV1;
import com.rapport.events.commission.CommissionRole;
import com.rapport.events.commission.DisputeOpenedV1;
import com.rapport.events.commission.DisputeResolvedV1;
import com.rapport.events.commission.EntryHeldV1;
import com.rapport.events.commission.EntryReleasedV1;
import com.rapport.events.commission.InvoiceIssuedV1;
import com.rapport.events.commission.PayoutPaidV1;
import com.rapport.events.commission.RateLockedV1;
import com.rapport.events.money.Money;
import com.rapport.notification.directory.CommissionFacts;
import com.rapport.notification.directory.IntroducerCommission;
import com.rapport.notification.directory.RateLock;
import com.rapport.notification.message.Message;
import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.BiFunction;

import static com.rapport.notification.intake.Required.present;

/**
 * What {@code commission-events} mean to the partners. These events name the partner only: it is addressed as the
 * directory knows it (from partner events and from the shares of referral events), and where it does not yet, in the
 * default language with its email address found when the email is sent; nothing waits. The introducer hears of its
 * rate and commission in the notification of the contract or payment that caused it when that comes later, or on
 * its own when that notification had already gone ({@link CommissionToldOnItsOwn}); the override partner is told of
 * each of its entries; a partner is told of its payout, adjustments, held and released entries, disputes and
 * invoices. Rate locks of override partners, created and cancelled payouts tell nobody.
 */
@Component
public class CommissionEventIntake {

    private final CommissionFacts commissions;
    private final ReferralNames names;
    private final CommissionToldOnItsOwn onItsOwn;
    private final NotificationIssuer issuer;
    private final CloudEventJson json;
    private final EventHandlers handlers;

    CommissionEventIntake(CommissionFacts commissions, ReferralNames names, CommissionToldOnItsOwn onItsOwn,
                          NotificationIssuer issuer, CloudEventJson json) {
        this.commissions = commissions;
        this.names = names;
        this.onItsOwn = onItsOwn;
        this.issuer = issuer;
        this.json = json;
        this.handlers = handlers();
    }

    /** One handler per event type. */
    private EventHandlers handlers() {
        return EventHandlers.builder()
                .on(RateLockedV1.class, (event, locked) -> {
                    String type = event.type().type();
                    if (present(locked.role(), "role", type) == CommissionRole.INTRODUCER) {
                        ReferralId referralId = ReferralId.of(present(locked.referralId(), "referralId", type));
                        PartnerId partnerId = PartnerId.of(present(locked.partnerId(), "partnerId", type));
                        commissions.record(RateLock.of(referralId, partnerId, present(locked.rate(), "rate", type),
                                locked.cap(), json.write(event)));
                        onItsOwn.rateLockIfContractTold(referralId, partnerId);
                    }
                })
                .on(CommissionAccruedV1.class, (event, accrued) -> {
                    present(accrued.payableAt(), "payableAt", event.type().type());
                    entry(event, accrued.role(), accrued.referralId(), accrued.partnerId(), accrued.amount(),
                            accrued.payableAt(), accrued.sourceEventId(),
                            (client, introducer) -> EventMessages.overrideAccrued(client, introducer, accrued));
                })
                .on(CommissionReversedV1.class, (event, reversed) -> entry(event, reversed.role(),
                        reversed.referralId(), reversed.partnerId(), reversed.amount(), reversed.payableAt(),
                        reversed.sourceEventId(),
                        (client, introducer) -> EventMessages.overrideReversed(client, introducer, reversed)))
                .on(PayoutPaidV1.class, (event, paid) -> {
                    String type = event.type().type();
                    present(paid.amount(), "amount", type);
                    tell(event, paid.partnerId(), EventMessages.payoutPaid(paid));
                })
                .on(CommissionAdjustedV1.class, (event, adjusted) -> {
                    String type = event.type().type();
                    present(adjusted.amount(), "amount", type);
                    Optional<ReferralId> referral = Optional.ofNullable(adjusted.referralId()).map(ReferralId::of);
                    Optional<Object> client = referral.map(names::clientOf);
                    issuer.issue(event, PartnerId.of(present(adjusted.partnerId(), "partnerId", type)),
                            referral.orElse(null), EventMessages.adjusted(adjusted, client));
                })
                .on(EntryHeldV1.class, (event, held) ->
                        tell(event, held.partnerId(), EventMessages.entryHeld(held.reason())))
                .on(EntryReleasedV1.class, (event, released) ->
                        tell(event, released.partnerId(), EventMessages.entryReleased(released.reason())))
                .on(DisputeOpenedV1.class, (event, opened) ->
                        tell(event, opened.partnerId(), EventMessages.disputeOpened()))
                .on(DisputeResolvedV1.class, (event, resolved) -> {
                    present(resolved.outcome(), "outcome", event.type().type());
                    tell(event, resolved.partnerId(), EventMessages.disputeResolved(resolved));
                })
                .on(InvoiceIssuedV1.class, (event, invoice) -> {
                    String type = event.type().type();
                    present(invoice.invoiceNumber(), "invoiceNumber", type);
                    present(invoice.net(), "net", type);
                    present(invoice.vat(), "vat", type);
                    present(invoice.total(), "total", type);
                    tell(event, invoice.partnerId(), EventMessages.invoiceIssued(invoice));
                })
                // payout created / cancelled: nothing a partner needs to hear
                .otherwise(event -> { });
    }

    public void accept(CloudEventCodec.Decoded event) {
        handlers.dispatch(event);
    }

    private void tell(CloudEventCodec.Decoded event, String partnerId, Message message) {
        issuer.issue(event, PartnerId.of(present(partnerId, "partnerId", event.type().type())), null, message);
    }

    private void entry(CloudEventCodec.Decoded event, CommissionRole role, String referralIdOfEvent,
                       String partnerIdOfEvent, Money amount, LocalDate payableAt, String sourceEventId,
                       BiFunction<Object, Object, Message> toOverride) {
        String type = event.type().type();
        present(role, "role", type);
        present(amount, "amount", type);
        PartnerId partnerId = PartnerId.of(present(partnerIdOfEvent, "partnerId", type));
        ReferralId referralId = ReferralId.of(present(referralIdOfEvent, "referralId", type));
        if (role == CommissionRole.OVERRIDE) {
            issuer.issue(event, partnerId, referralId, toOverride.apply(names.clientOf(referralId),
                    names.introducerFor(referralId, partnerId)));
            return;
        }
        String source = present(sourceEventId, "sourceEventId", type);
        commissions.record(IntroducerCommission.of(source, referralId, partnerId, amount, payableAt,
                json.write(event)));
        // told with the payment if that is still to come; on its own if the payment went without it
        onItsOwn.commissionIfSourceTold(source, partnerId);
    }
}
