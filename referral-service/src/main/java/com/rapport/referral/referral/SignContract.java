package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.rapport.events.money.Money;
import com.rapport.support.id.PartnerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code schedule}: the client's expected instalments, adding up to the contract value; empty when not given.
 * {@code contractNumbers}: each co-introducer's number for this contract (its n-th signed), allocated before the
 * command is sent; empty until then.
 */
public record SignContract(@TargetAggregateIdentifier ReferralId referralId, Money contractValue, Instant signedAt,
                           List<Instalment> schedule, Map<PartnerId, Integer> contractNumbers) {

    public SignContract {
        schedule = schedule == null ? List.of() : List.copyOf(schedule);
        contractNumbers = contractNumbers == null ? Map.of() : Map.copyOf(contractNumbers);
    }

    public SignContract(ReferralId referralId, Money contractValue, Instant signedAt, List<Instalment> schedule) {
        this(referralId, contractValue, signedAt, schedule, Map.of());
    }

    public SignContract(ReferralId referralId, Money contractValue, Instant signedAt) {
        this(referralId, contractValue, signedAt, List.of(), Map.of());
    }

    public SignContract numbered(Map<PartnerId, Integer> numbers) {
        return new SignContract(referralId, contractValue, signedAt, schedule, numbers);
    }
}
