package com.rapport.referral.partner;

import com.rapport.support.id.PartnerId;
/** A partner as it now is: what consumers need to credit, override and tell it (EVENTS.md shares). */
public record PartnerDetails(PartnerId partnerId, String name, String email, String language,
                             PartnerId parentPartnerId) {

    PartnerDetails updatedBy(PartnerUpdated update) {
        return new PartnerDetails(partnerId, update.name(), update.email(), update.language(), parentPartnerId);
    }
}
