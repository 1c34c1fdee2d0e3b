package com.rapport.commission.accrual;

import com.rapport.commission.dealterms.AgreedTerms;
import com.rapport.events.money.Money;
import com.rapport.support.id.ReferralId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Lock the terms of a referral whose contract was just signed: per introducer its tier rate (or the deal's
 * {@code dealTerms}, null when none were agreed), cap and share, and its parent's override. Everything needed
 * travels with the contract-signed event: nothing waits for a partner event from another partition.
 */
public record LockCommission(@TargetAggregateIdentifier ReferralId referralId, String sourceEventId,
                             Money contractValue, Instant signedAt, List<Introducer> introducers,
                             AgreedTerms dealTerms) {

    public LockCommission {
        introducers = introducers == null ? List.of() : List.copyOf(introducers);
    }
}
