package com.rapport.referral.referral;

import com.rapport.referral.partner.RegisteredPartner;
import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Map;

/**
 * Operations splits the referral's credit between co-introducers, the referring partner among them.
 * {@code introducers}: the partner directory's answer for each share's partner, looked up before the command is sent;
 * a partner that does not exist is missing from it.
 */
public record SplitCredit(@TargetAggregateIdentifier ReferralId referralId, List<IntroducerShare> shares,
                          Map<PartnerId, RegisteredPartner> introducers) {

    public SplitCredit {
        introducers = introducers == null ? Map.of() : Map.copyOf(introducers);
    }

    /** As asked, before the partners are looked up. */
    public SplitCredit(ReferralId referralId, List<IntroducerShare> shares) {
        this(referralId, shares, Map.of());
    }

    public SplitCredit between(Map<PartnerId, RegisteredPartner> found) {
        return new SplitCredit(referralId, shares, found);
    }
}
