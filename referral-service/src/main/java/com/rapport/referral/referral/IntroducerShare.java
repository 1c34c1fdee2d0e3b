package com.rapport.referral.referral;

import com.rapport.support.id.PartnerId;

import java.math.BigDecimal;
import java.util.List;

/** One co-introducer's part of a referral's credit; a referral that is not split has one share of 1. */
public record IntroducerShare(PartnerId partnerId, BigDecimal share) {

    public static List<IntroducerShare> whole(PartnerId partnerId) {
        return List.of(new IntroducerShare(partnerId, BigDecimal.ONE));
    }

    /** The shares after the credit moved from one partner to another: the mover's share goes with it. */
    public static List<IntroducerShare> reassigned(List<IntroducerShare> shares, PartnerId from, PartnerId to) {
        return shares.stream()
                .map(share -> share.partnerId().equals(from) ? new IntroducerShare(to, share.share()) : share)
                .toList();
    }

    boolean sameAs(IntroducerShare other) {
        return partnerId.equals(other.partnerId) && share.compareTo(other.share) == 0;
    }
}
