package com.rapport.events.referral;

import com.rapport.events.IntegrationEvent;
import com.rapport.events.money.Money;

import java.util.List;

/** {@code rapport.referral.follow-on-opened.v1}: {@code referralId} is the new referral, {@code followOnOf} the earlier one. */
public record FollowOnOpenedV1(String referralId, String partnerId, String followOnOf, Client client,
                               String description, Money estimatedValue, List<CreditShare> shares)
        implements IntegrationEvent {

    public FollowOnOpenedV1 {
        shares = shares == null ? List.of() : List.copyOf(shares);
    }

    @Override
    public String subject() {
        return referralId;
    }
}
