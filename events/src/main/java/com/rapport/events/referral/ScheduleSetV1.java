package com.rapport.events.referral;

import com.rapport.events.IntegrationEvent;

import java.util.List;

/** {@code rapport.referral.schedule-set.v1}: the client's expected instalments (the whole schedule after the change). */
public record ScheduleSetV1(String referralId, String partnerId, List<ScheduledInstalment> schedule,
                            List<CreditShare> shares) implements IntegrationEvent {

    public ScheduleSetV1 {
        schedule = schedule == null ? List.of() : List.copyOf(schedule);
        shares = shares == null ? List.of() : List.copyOf(shares);
    }

    @Override
    public String subject() {
        return referralId;
    }
}
