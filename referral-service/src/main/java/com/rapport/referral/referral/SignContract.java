package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.rapport.events.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** {@code schedule}: the client's expected instalments, adding up to the contract value; empty when not given. */
public record SignContract(@TargetAggregateIdentifier ReferralId referralId, Money contractValue, Instant signedAt,
                           List<Instalment> schedule) {

    public SignContract {
        schedule = schedule == null ? List.of() : List.copyOf(schedule);
    }

    public SignContract(ReferralId referralId, Money contractValue, Instant signedAt) {
        this(referralId, contractValue, signedAt, List.of());
    }
}
