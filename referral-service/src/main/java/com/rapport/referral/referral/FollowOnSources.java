package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import java.util.Optional;

/** The command side's way to read another referral as it now stands, from the event store. */
@FunctionalInterface
public interface FollowOnSources {

    Optional<FollowOnSource> find(ReferralId referralId);
}
