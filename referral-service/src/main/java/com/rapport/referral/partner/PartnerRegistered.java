package com.rapport.referral.partner;

import com.rapport.support.id.PartnerId;
/** A partner was registered. */
public record PartnerRegistered(PartnerId partnerId, String name, String email, String language,
                                PartnerId parentPartnerId) {
}
