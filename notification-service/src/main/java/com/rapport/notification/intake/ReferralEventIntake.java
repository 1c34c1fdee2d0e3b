package com.rapport.notification.intake;

import com.rapport.events.CloudEventCodec;
import com.rapport.events.EventType;
import com.rapport.events.referral.ContractSignedV1;
import com.rapport.events.referral.MilestoneReachedV1;
import com.rapport.events.referral.PartnerRegisteredV1;
import com.rapport.events.referral.PaymentReceivedV1;
import com.rapport.events.referral.ReferralCompletedV1;
import com.rapport.events.referral.ReferralDeliveredV1;
import com.rapport.events.referral.ReferralLostV1;
import com.rapport.events.referral.ReferralQualifiedV1;
import com.rapport.events.referral.ReferralQuotedV1;
import com.rapport.events.referral.ReferralReassignedV1;
import com.rapport.events.referral.ReferralRejectedV1;
import com.rapport.events.referral.ReferralSubmittedV1;
import com.rapport.events.referral.RefundIssuedV1;
import com.rapport.notification.directory.PartnerDirectory;
import com.rapport.notification.directory.ReferralDirectory;
import com.rapport.notification.message.Message;
import com.rapport.notification.message.Term;
import org.springframework.stereotype.Component;

import static com.rapport.notification.intake.Required.present;

/**
 * What each event of {@code referral-events} means to the partners: partner events keep the directory, every
 * referral event becomes a notification to the partner credited with the referral (both partners on a
 * reassignment), naming the client.
 */
@Component
public class ReferralEventIntake {

    private final PartnerDirectory partners;
    private final ReferralDirectory referrals;
    private final NotificationIssuer issuer;

    public ReferralEventIntake(PartnerDirectory partners, ReferralDirectory referrals, NotificationIssuer issuer) {
        this.partners = partners;
        this.referrals = referrals;
        this.issuer = issuer;
    }

    public void accept(CloudEventCodec.Decoded event) {
        EventType type = event.type();
        Object payload = event.payload();
        switch (type) {
            case PARTNER_REGISTERED -> registered((PartnerRegisteredV1) payload, type);
            case REFERRAL_SUBMITTED -> submitted(event, (ReferralSubmittedV1) payload);
            case REFERRAL_QUALIFIED -> {
                ReferralQualifiedV1 qualified = (ReferralQualifiedV1) payload;
                tell(event, qualified.partnerId(), qualified.referralId(), "referral.qualified");
            }
            case REFERRAL_REJECTED -> {
                ReferralRejectedV1 rejected = (ReferralRejectedV1) payload;
                tell(event, rejected.partnerId(), rejected.referralId(), "referral.rejected",
                        present(rejected.reason(), "reason", type.type()));
            }
            case REFERRAL_QUOTED -> {
                ReferralQuotedV1 quoted = (ReferralQuotedV1) payload;
                tell(event, quoted.partnerId(), quoted.referralId(), "referral.quoted",
                        present(quoted.amount(), "amount", type.type()));
            }
            case CONTRACT_SIGNED -> {
                ContractSignedV1 signed = (ContractSignedV1) payload;
                tell(event, signed.partnerId(), signed.referralId(), "referral.contract-signed",
                        present(signed.contractValue(), "contractValue", type.type()),
                        present(signed.signedAt(), "signedAt", type.type()), signed.contractNumber());
            }
            case MILESTONE_REACHED -> milestone(event, (MilestoneReachedV1) payload);
            case PAYMENT_RECEIVED -> {
                PaymentReceivedV1 paid = (PaymentReceivedV1) payload;
                tell(event, paid.partnerId(), paid.referralId(), "referral.payment-received",
                        present(paid.amount(), "amount", type.type()),
                        Term.of("payment-kind", present(paid.kind(), "kind", type.type())),
                        present(paid.receivedAt(), "receivedAt", type.type()),
                        present(paid.netCash(), "netCash", type.type()));
            }
            case REFUND_ISSUED -> {
                RefundIssuedV1 refund = (RefundIssuedV1) payload;
                tell(event, refund.partnerId(), refund.referralId(), "referral.refund-issued",
                        present(refund.amount(), "amount", type.type()),
                        present(refund.issuedAt(), "issuedAt", type.type()),
                        present(refund.reason(), "reason", type.type()),
                        present(refund.netCash(), "netCash", type.type()));
            }
            case REFERRAL_DELIVERED -> {
                ReferralDeliveredV1 delivered = (ReferralDeliveredV1) payload;
                tell(event, delivered.partnerId(), delivered.referralId(), "referral.delivered");
            }
            case REFERRAL_COMPLETED -> {
                ReferralCompletedV1 completed = (ReferralCompletedV1) payload;
                tell(event, completed.partnerId(), completed.referralId(), "referral.completed");
            }
            case REFERRAL_LOST -> {
                ReferralLostV1 lost = (ReferralLostV1) payload;
                tell(event, lost.partnerId(), lost.referralId(), "referral.lost",
                        Term.of("referral-status", present(lost.lostAtStatus(), "lostAtStatus", type.type())),
                        present(lost.reason(), "reason", type.type()));
            }
            case REFERRAL_REASSIGNED -> reassigned(event, (ReferralReassignedV1) payload);
            default -> {
                // commission events have their own topic and intake; nothing else is published here
            }
        }
    }

    private void registered(PartnerRegisteredV1 registered, EventType type) {
        present(registered.partnerId(), "partnerId", type.type());
        present(registered.email(), "email", type.type());
        partners.record(registered);
    }

    private void submitted(CloudEventCodec.Decoded event, ReferralSubmittedV1 submitted) {
        String type = event.type().type();
        present(submitted.referralId(), "referralId", type);
        present(submitted.partnerId(), "partnerId", type);
        present(present(submitted.client(), "client", type).company(), "client.company", type);
        referrals.record(submitted);
        Message message = Message.of("referral.submitted", submitted.client().company());
        if (submitted.estimatedValue() != null) {
            message = message.with("referral.submitted.estimate", submitted.estimatedValue());
        }
        issuer.issue(event, submitted.partnerId(), submitted.referralId(), message);
    }

    private void milestone(CloudEventCodec.Decoded event, MilestoneReachedV1 milestone) {
        String client = clientOf(milestone.referralId(), event);
        Message message = Message.of("referral.milestone-reached", client,
                present(milestone.name(), "name", event.type().type()));
        if (milestone.note() != null && !milestone.note().isBlank()) {
            message = message.with("referral.milestone-reached.note", milestone.note());
        }
        issuer.issue(event, present(milestone.partnerId(), "partnerId", event.type().type()),
                milestone.referralId(), message);
    }

    private void reassigned(CloudEventCodec.Decoded event, ReferralReassignedV1 reassigned) {
        String type = event.type().type();
        String client = clientOf(reassigned.referralId(), event);
        String newPartner = present(reassigned.partnerId(), "partnerId", type);
        String previousPartner = present(reassigned.previousPartnerId(), "previousPartnerId", type);
        String reason = present(reassigned.reason(), "reason", type);
        // both must be known before either is told, so a retry never leaves one side out for long
        partners.require(newPartner);
        partners.require(previousPartner);
        referrals.reassign(reassigned.referralId(), newPartner);
        issuer.issue(event, newPartner, reassigned.referralId(),
                Message.of("referral.reassigned-to-you", client, reason));
        issuer.issue(event, previousPartner, reassigned.referralId(),
                Message.of("referral.reassigned-away", client, reason));
    }

    /** A notification naming the client; further arguments follow the client's name ({0}) in the bundle. */
    private void tell(CloudEventCodec.Decoded event, String partnerId, String referralId, String key,
                      Object... arguments) {
        String type = event.type().type();
        present(partnerId, "partnerId", type);
        Object[] withClient = new Object[arguments.length + 1];
        withClient[0] = clientOf(referralId, event);
        System.arraycopy(arguments, 0, withClient, 1, arguments.length);
        issuer.issue(event, partnerId, referralId, Message.of(key, withClient));
    }

    private String clientOf(String referralId, CloudEventCodec.Decoded event) {
        return referrals.require(present(referralId, "referralId", event.type().type())).clientCompany();
    }
}
