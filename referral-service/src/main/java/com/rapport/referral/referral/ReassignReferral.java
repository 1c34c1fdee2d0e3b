package com.rapport.referral.referral;

import com.rapport.referral.partner.RegisteredPartner;
import com.rapport.support.id.ReferralId;
import com.rapport.support.id.PartnerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Moves the credit for a referral, before any contract, to another partner. {@code newPartner}: the partner
 * directory's answer for {@code newPartnerId}, looked up before the command is sent (null when there is none).
 */
public record ReassignReferral(@TargetAggregateIdentifier ReferralId referralId, PartnerId newPartnerId,
                               String reason, RegisteredPartner newPartner) {

    /** As asked, before the partner is looked up. */
    public ReassignReferral(ReferralId referralId, PartnerId newPartnerId, String reason) {
        this(referralId, newPartnerId, reason, null);
    }

    public ReassignReferral to(RegisteredPartner found) {
        return new ReassignReferral(referralId, newPartnerId, reason, found);
    }
}
