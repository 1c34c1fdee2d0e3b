package com.rapport.commission;

import com.rapport.events.IntegrationEvent;
import com.rapport.events.money.Money;
import com.rapport.events.referral.Client;
import com.rapport.events.referral.ContractSignedV1;
import com.rapport.events.referral.CreditShare;
import com.rapport.events.referral.PartnerRegisteredV1;
import com.rapport.events.referral.PaymentKind;
import com.rapport.events.referral.PaymentReceivedV1;
import com.rapport.events.referral.RefundIssuedV1;
import com.rapport.events.referral.ReferralSubmittedV1;
import com.rapport.testsupport.CloudEventTopics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Plays referral-service in tests: its events as EVENTS.md describes them, published on {@code referral-events}
 * through test-support's {@link CloudEventTopics}.
 */
public final class ReferralEventsFixture {

    private final CloudEventTopics kafka = CloudEventTopics.shared();

    /** Publishes the event under a new id and answers that id. */
    public String publish(IntegrationEvent payload) {
        return kafka.publish(payload);
    }

    public String publish(String eventId, IntegrationEvent payload) {
        return kafka.publish(eventId, payload);
    }

    public String partnerRegistered(String partnerId, String name, String parentPartnerId) {
        return publish(new PartnerRegisteredV1(partnerId, name, name.toLowerCase().replace(' ', '.') + "@example.com",
                "en", parentPartnerId));
    }

    public String referralSubmitted(String referralId, String partnerId, String currency) {
        return publish(new ReferralSubmittedV1(referralId, partnerId,
                new Client("Client of " + referralId, "Li Wei", referralId + "@client.example"), "A project",
                Money.of("1000", currency)));
    }

    public String contractSigned(String referralId, String partnerId, String value, String currency,
                                 int contractNumber) {
        return publish(new ContractSignedV1(referralId, partnerId, Money.of(value, currency),
                Instant.parse("2026-11-02T09:00:00Z"), contractNumber));
    }

    /**
     * As referral-service publishes it: the credit share names the introducer's parent, so the override does not
     * depend on {@code partner.registered} (another partition) having been read first.
     */
    public String contractSigned(String referralId, String partnerId, String parentPartnerId, String value,
                                 String currency, int contractNumber) {
        return publish(new ContractSignedV1(referralId, partnerId, Money.of(value, currency),
                Instant.parse("2026-11-02T09:00:00Z"), contractNumber,
                List.of(new CreditShare(partnerId, BigDecimal.ONE, parentPartnerId, "en", null, null,
                        contractNumber))));
    }

    public String paymentReceived(String referralId, String partnerId, String amount, String netCash,
                                  String currency, String receivedOn) {
        return publish(paymentReceivedEvent(referralId, partnerId, amount, netCash, currency, receivedOn));
    }

    public PaymentReceivedV1 paymentReceivedEvent(String referralId, String partnerId, String amount,
                                                  String netCash, String currency, String receivedOn) {
        return new PaymentReceivedV1(referralId, partnerId, UUID.randomUUID().toString(), Money.of(amount, currency),
                PaymentKind.MILESTONE, Instant.parse(receivedOn + "T10:00:00Z"), Money.of(netCash, currency));
    }

    public String refundIssued(String referralId, String partnerId, String amount, String netCash,
                               String currency, String issuedOn) {
        return publish(new RefundIssuedV1(referralId, partnerId, UUID.randomUUID().toString(),
                Money.of(amount, currency), "client asked", Instant.parse(issuedOn + "T10:00:00Z"),
                Money.of(netCash, currency)));
    }
}
