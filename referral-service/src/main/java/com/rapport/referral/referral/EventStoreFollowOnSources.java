package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The referral a follow-on follows, replayed from the event store ({@link ReferralReplay}). */
@Component
public class EventStoreFollowOnSources implements FollowOnSources {

    private final ReferralReplay referrals;

    public EventStoreFollowOnSources(ReferralReplay referrals) {
        this.referrals = referrals;
    }

    @Override
    public Optional<FollowOnSource> find(ReferralId referralId) {
        return referrals.replay(referralId).map(Referral::asFollowOnSource);
    }
}
