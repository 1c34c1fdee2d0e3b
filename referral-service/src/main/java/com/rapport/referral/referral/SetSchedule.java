package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Operations replaces the instalments still expected from the client. */
public record SetSchedule(@TargetAggregateIdentifier ReferralId referralId, List<Instalment> schedule) {
}
