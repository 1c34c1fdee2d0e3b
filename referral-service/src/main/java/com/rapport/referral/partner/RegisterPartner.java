package com.rapport.referral.partner;

import com.rapport.support.id.PartnerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Operations registers a partner; {@code parentPartnerId} is the partner who introduced this one, if any. */
public record RegisterPartner(@TargetAggregateIdentifier PartnerId partnerId, String name, String email,
                              String language, PartnerId parentPartnerId) {
}
