package com.rapport.referral.support;

import com.rapport.support.id.ReferralId;
import com.rapport.referral.referral.ReferredClient;
import com.rapport.referral.referral.claim.ClientClaims;
import com.rapport.referral.referral.claim.DuplicateReferralException;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** For command-side unit tests: refuses the clients it was told are taken, remembers the ones it gave out. */
public final class InMemoryClientClaims implements ClientClaims {

    private final Set<String> takenCompanies = new HashSet<>();
    private final Set<ReferralId> claimedFor = new HashSet<>();

    public InMemoryClientClaims alreadyTaken(String company) {
        takenCompanies.add(company);
        return this;
    }

    public boolean claimed(ReferralId referralId) {
        return claimedFor.contains(referralId);
    }

    @Override
    public void claim(ReferralId referralId, ReferredClient client) {
        if (takenCompanies.contains(client.company())) {
            throw new DuplicateReferralException(Duration.ofDays(180));
        }
        claimedFor.add(referralId);
    }

    @Override
    public void release(ReferralId referralId, ReferredClient client) {
        claimedFor.remove(referralId);
    }

    @Override
    public HandOver handOver(ReferralId from, ReferralId to, ReferredClient client) {
        claimedFor.remove(from);
        claimedFor.add(to);
        return new HandOver(from, to, List.of());
    }

    @Override
    public void giveBack(HandOver handOver) {
        claimedFor.remove(handOver.to());
        claimedFor.add(handOver.from());
    }

    @Override
    public void close(ReferralId referralId, ReferredClient client) {
        claimedFor.remove(referralId);
    }
}
