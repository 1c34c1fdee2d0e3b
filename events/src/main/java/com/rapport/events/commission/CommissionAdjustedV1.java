package com.rapport.events.commission;

import com.rapport.events.IntegrationEvent;
import com.rapport.events.money.Money;

/** {@code rapport.commission.adjusted.v1: an approved adjustment (or an upheld dispute's); exactly one of adjustmentId and disputeId is set}; key = partnerId. */
public record CommissionAdjustedV1(String entryId, String adjustmentId, String disputeId, String partnerId, String referralId,
                                   Money amount, String reason, String approvedBy) implements IntegrationEvent {
    @Override
    public String subject() {
        return partnerId;
    }
}
