package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.rapport.events.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * More work for the client of {@code followOnOf}: a new referral {@code referralId}, credited as that one.
 * {@code source}: {@code followOnOf} as the event store showed it before the command was sent (null when there is no
 * such referral).
 */
public record OpenFollowOn(@TargetAggregateIdentifier ReferralId referralId, ReferralId followOnOf,
                           String description, Money estimatedValue, FollowOnSource source) {

    /** As asked, before the referral it follows is read. */
    public OpenFollowOn(ReferralId referralId, ReferralId followOnOf, String description, Money estimatedValue) {
        this(referralId, followOnOf, description, estimatedValue, null);
    }

    public OpenFollowOn following(FollowOnSource found) {
        return new OpenFollowOn(referralId, followOnOf, description, estimatedValue, found);
    }
}
