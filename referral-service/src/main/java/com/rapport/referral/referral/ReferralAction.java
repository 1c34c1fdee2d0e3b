package com.rapport.referral.referral;

import java.util.EnumSet;
import java.util.Set;

import static com.rapport.referral.referral.ReferralStatus.COMPLETED;
import static com.rapport.referral.referral.ReferralStatus.CONTRACTED;
import static com.rapport.referral.referral.ReferralStatus.DELIVERED;
import static com.rapport.referral.referral.ReferralStatus.QUALIFIED;
import static com.rapport.referral.referral.ReferralStatus.QUOTED;
import static com.rapport.referral.referral.ReferralStatus.SUBMITTED;

/**
 * What operations can do to a referral and from which statuses, the table of API.md in one place. Refunds are
 * not here: they depend on money received, not on the status.
 */
public enum ReferralAction {
    QUALIFY("qualify", EnumSet.of(SUBMITTED)),
    REJECT("reject", EnumSet.of(SUBMITTED, QUALIFIED)),
    QUOTE("quote", EnumSet.of(QUALIFIED, QUOTED)),
    SIGN_CONTRACT("sign a contract for", EnumSet.of(QUALIFIED, QUOTED)),
    RECORD_MILESTONE("record a milestone of", EnumSet.of(CONTRACTED)),
    RECORD_PAYMENT("record a payment for", EnumSet.of(CONTRACTED, DELIVERED)),
    DELIVER("deliver", EnumSet.of(CONTRACTED)),
    COMPLETE("complete", EnumSet.of(DELIVERED)),
    LOSE("lose", EnumSet.of(SUBMITTED, QUALIFIED, QUOTED, CONTRACTED, DELIVERED)),
    REASSIGN("reassign", EnumSet.of(SUBMITTED, QUALIFIED, QUOTED)),
    AMEND_CONTRACT("amend the contract of", EnumSet.of(CONTRACTED, DELIVERED)),
    SET_SCHEDULE("set the schedule of", EnumSet.of(CONTRACTED, DELIVERED)),
    SPLIT_CREDIT("split the credit of", EnumSet.of(SUBMITTED, QUALIFIED, QUOTED)),
    OPEN_FOLLOW_ON("open a follow-on of", EnumSet.of(CONTRACTED, DELIVERED, COMPLETED));

    private final String verb;
    private final Set<ReferralStatus> allowedFrom;

    ReferralAction(String verb, Set<ReferralStatus> allowedFrom) {
        this.verb = verb;
        this.allowedFrom = allowedFrom;
    }

    public String verb() {
        return verb;
    }

    public Set<ReferralStatus> allowedFrom() {
        return EnumSet.copyOf(allowedFrom);
    }

    /** Refuses with {@link IllegalTransitionException} unless the action is allowed from {@code current}. */
    public void requireAllowedFrom(ReferralStatus current) {
        if (!allowedFrom.contains(current)) {
            throw new IllegalTransitionException(this, current);
        }
    }
}
