package com.rapport.referral.partner;

/** A partner's details changed; the values after the change. */
public record PartnerUpdated(PartnerId partnerId, String name, String email, String language) {
}
