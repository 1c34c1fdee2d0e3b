package com.rapport.events.referral;

import com.rapport.events.IntegrationEvent;

/** {@code rapport.referral.milestone-reached.v1}. */
public record MilestoneReachedV1(String referralId, String partnerId, String name, String note)
        implements IntegrationEvent {
    @Override
    public String subject() {
        return referralId;
    }
}
