package com.rapport.referral.partner;

import com.rapport.support.id.PartnerId;
/** A partner's details changed; the values after the change. */
public record PartnerUpdated(PartnerId partnerId, String name, String email, String language) {
}
