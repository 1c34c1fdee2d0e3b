package com.rapport.referral.partner;

/** A partner was registered. */
public record PartnerRegistered(PartnerId partnerId, String name, String email, String language,
                                PartnerId parentPartnerId) {
}
