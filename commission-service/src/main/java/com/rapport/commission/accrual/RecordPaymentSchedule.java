package com.rapport.commission.accrual;

import com.rapport.events.referral.ScheduledInstalment;
import com.rapport.support.id.ReferralId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** The client's expected instalments, the whole schedule after the change (for the forecast). */
public record RecordPaymentSchedule(@TargetAggregateIdentifier ReferralId referralId, String sourceEventId,
                                    List<ScheduledInstalment> schedule) {

    public RecordPaymentSchedule {
        schedule = schedule == null ? List.of() : List.copyOf(schedule);
    }
}
