package com.rapport.referral.partner;

import com.rapport.support.id.PartnerId;
/** What the command side needs to know of a partner that exists. */
public record RegisteredPartner(PartnerId partnerId, String email) {

    /** True when the address is this partner's own, compared as mail systems do: case does not matter. */
    public boolean owns(String emailAddress) {
        return emailAddress != null && email.trim().equalsIgnoreCase(emailAddress.trim());
    }
}
