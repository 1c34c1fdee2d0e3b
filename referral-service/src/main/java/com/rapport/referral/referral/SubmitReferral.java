package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.rapport.events.money.Money;
import com.rapport.referral.partner.RegisteredPartner;
import com.rapport.support.id.PartnerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A partner (or operations on its behalf) submits a client; {@code estimatedValue} may be unknown (null).
 * {@code partner}: the partner directory's answer for {@code partnerId}, looked up before the command is sent (null
 * when there is no such partner), so the aggregate decides without asking anyone.
 */
public record SubmitReferral(@TargetAggregateIdentifier ReferralId referralId, PartnerId partnerId,
                             ReferredClient client, String description, Money estimatedValue,
                             RegisteredPartner partner) {

    /** As asked, before the partner is looked up. */
    public SubmitReferral(ReferralId referralId, PartnerId partnerId, ReferredClient client, String description,
                          Money estimatedValue) {
        this(referralId, partnerId, client, description, estimatedValue, null);
    }

    public SubmitReferral creditedTo(RegisteredPartner found) {
        return new SubmitReferral(referralId, partnerId, client, description, estimatedValue, found);
    }
}
