package com.rapport.commission.payout;

import com.rapport.commission.config.CommissionProperties;
import com.rapport.commission.taxprofile.TaxProfile;
import com.rapport.commission.taxprofile.TaxProfiles;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * A partner is paid only with a tax profile (the supplier of its self-billing invoice), accepted self-billing, and
 * payout details (where the money goes); the first missing one is the reason a batch skips it. Blocking:
 * bounded-elastic threads only.
 */
@Component
class Payees implements PayeeCheck {

    private final TaxProfiles taxProfiles;
    private final PayoutDetailsDirectory details;
    private final Duration timeout;

    Payees(TaxProfiles taxProfiles, PayoutDetailsDirectory details, CommissionProperties properties) {
        this.taxProfiles = taxProfiles;
        this.details = details;
        this.timeout = properties.storeTimeout();
    }

    @Override
    public Optional<String> whyNotPayable(String partnerId) {
        TaxProfile profile = taxProfiles.find(partnerId).block(timeout);
        if (profile == null) {
            return Optional.of(SkippedLine.NO_TAX_PROFILE);
        }
        if (!profile.selfBillingAccepted()) {
            return Optional.of(SkippedLine.SELF_BILLING_NOT_ACCEPTED);
        }
        if (details.find(partnerId).block(timeout) == null) {
            return Optional.of(SkippedLine.NO_PAYOUT_DETAILS);
        }
        return Optional.empty();
    }
}
