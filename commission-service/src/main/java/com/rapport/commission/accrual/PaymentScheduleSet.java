package com.rapport.commission.accrual;

import com.rapport.events.referral.ScheduledInstalment;

import java.util.List;

/** The client's expected instalments (the whole schedule after the change). */
public record PaymentScheduleSet(String referralId, List<ScheduledInstalment> schedule, String sourceEventId) {
}
