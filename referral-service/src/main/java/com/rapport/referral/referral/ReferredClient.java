package com.rapport.referral.referral;

/** The client a partner introduces, as the partner gave it. */
public record ReferredClient(String company, String contactName, String contactEmail) {

    public ReferredClient trimmed() {
        return new ReferredClient(company.trim(), contactName.trim(), contactEmail.trim());
    }
}
