package com.rapport.referral.partner;

import com.rapport.support.id.PartnerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Operations registers a partner; {@code parentPartnerId} is the partner who introduced this one, if any.
 * {@code parent}: the partner directory's answer for {@code parentPartnerId}, looked up before the command is sent
 * (null when none was named or it does not exist).
 */
public record RegisterPartner(@TargetAggregateIdentifier PartnerId partnerId, String name, String email,
                              String language, PartnerId parentPartnerId, RegisteredPartner parent) {

    /** As asked, before the parent is looked up. */
    public RegisterPartner(PartnerId partnerId, String name, String email, String language,
                           PartnerId parentPartnerId) {
        this(partnerId, name, email, language, parentPartnerId, null);
    }

    public RegisterPartner introducedBy(RegisteredPartner found) {
        return new RegisterPartner(partnerId, name, email, language, parentPartnerId, found);
    }
}
