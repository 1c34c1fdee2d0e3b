package com.rapport.commission.accrual;

import com.rapport.events.money.Money;
import com.rapport.support.id.ReferralId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A change order: {@code contractValue} is the value after it. Writes no entry (the rule follows cash). */
public record RecordContractAmendment(@TargetAggregateIdentifier ReferralId referralId, String sourceEventId,
                                      String amendmentId, Money delta, Money contractValue, String reason,
                                      Instant signedAt) {
}
