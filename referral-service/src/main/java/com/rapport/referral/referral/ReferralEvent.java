package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.rapport.support.id.PartnerId;

/** Every event of a referral names the referral and the partner credited with it when it happened. */
public sealed interface ReferralEvent permits ReferralSubmitted, ReferralQualified, ReferralRejected,
        ReferralQuoted, ContractSigned, MilestoneReached, PaymentReceived, RefundIssued, ReferralDelivered,
        ReferralCompleted, ReferralLost, ReferralReassigned, ContractAmended, ScheduleSet, CreditSplit,
        FollowOnOpened {

    ReferralId referralId();

    PartnerId partnerId();
}
