package com.rapport.referral.partner;

import com.rapport.support.id.PartnerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The partner (or operations) changes its name, address or language. */
public record UpdatePartner(@TargetAggregateIdentifier PartnerId partnerId, String name, String email,
                            String language) {
}
