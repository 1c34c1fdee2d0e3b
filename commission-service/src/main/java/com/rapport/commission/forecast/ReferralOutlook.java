package com.rapport.commission.forecast;

import com.rapport.commission.accrual.ReferralStage;
import com.rapport.commission.accrual.RoleTerms;
import com.rapport.events.commission.CommissionRole;
import com.rapport.events.money.Money;
import com.rapport.events.referral.ScheduledInstalment;

import java.util.List;

/**
 * What one contracted referral still promises: its current contract value, net cash so far, the client's schedule,
 * and every locked role with what it earned so far. Rebuilt from the commission's events by
 * {@link OutlookProjection}; read by the forecast and by the projected balance.
 */
public record ReferralOutlook(String referralId, Money contractValue, Money netCash, ReferralStage stage,
                              List<ScheduledInstalment> schedule, List<RoleOutlook> roles) {

    public ReferralOutlook {
        schedule = schedule == null ? List.of() : List.copyOf(schedule);
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** One locked role: {@code key} names it among the referral's roles (role and the introducer it belongs to). */
    public record RoleOutlook(String key, CommissionRole role, String partnerId, RoleTerms terms, int holdDays,
                              Money earned) {

        /** What the role earns if the contract is paid in full, less what it has so far. */
        public Money remaining(Money contractValue) {
            return terms.fullTarget(contractValue).minus(earned);
        }
    }
}
