package com.rapport.notification;

import com.rapport.events.money.Money;
import com.rapport.events.referral.Client;
import com.rapport.events.referral.PartnerRegisteredV1;
import com.rapport.events.referral.ReferralSubmittedV1;
import com.rapport.support.id.PartnerId;
import com.rapport.testsupport.CloudEventTopics;
import com.rapport.testsupport.TestTokens;

import java.util.UUID;

/** A partner registered through {@code referral-events}, with its own mailbox and token. */
public record TestPartner(String partnerId, String name, Mailbox mailbox) {

    public static TestPartner register(String name, String language) {
        return register(name, language, null);
    }

    public static TestPartner register(String name, String language, String parentPartnerId) {
        String id = UUID.randomUUID().toString();
        TestPartner partner = new TestPartner(id, name, new Mailbox("partner-" + id + "@example.com"));
        CloudEventTopics.shared().publish(new PartnerRegisteredV1(id, name, partner.mailbox().address(), language,
                parentPartnerId));
        return partner;
    }

    /** The partner's id as the service's domain names it. */
    public PartnerId id() {
        return PartnerId.of(partnerId);
    }

    public String token() {
        return TestTokens.shared().partner(partnerId);
    }

    /** Publishes {@code referral.submitted} for a new referral of this partner; returns the referral id. */
    public String refers(String clientCompany) {
        String referralId = UUID.randomUUID().toString();
        CloudEventTopics.shared().publish(new ReferralSubmittedV1(referralId, partnerId,
                new Client(clientCompany, "Li Wei", "li@" + referralId + ".example"), "A project",
                Money.of("80000", "CNY")));
        return referralId;
    }
}
