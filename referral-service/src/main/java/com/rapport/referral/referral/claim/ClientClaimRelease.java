package com.rapport.referral.referral.claim;

import com.rapport.referral.referral.FollowOnOpened;
import com.rapport.referral.referral.ReferralCompleted;
import com.rapport.referral.referral.ReferralLost;
import com.rapport.referral.referral.ReferralRejected;
import com.rapport.referral.referral.ReferralSubmitted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Closes a referral's client claims once it is rejected, lost or completed. A tracking processor whose errors
 * propagate: if the database is away, the release is retried until it is done, never skipped.
 */
@Component
@ProcessingGroup(ClientClaimRelease.GROUP)
public class ClientClaimRelease {

    public static final String GROUP = "client-claims";

    private final ClientClaims claims;
    private final EventStore eventStore;

    public ClientClaimRelease(ClientClaims claims, EventStore eventStore) {
        this.claims = claims;
        this.eventStore = eventStore;
    }

    @EventHandler
    void on(ReferralRejected event) {
        release(event.referralId().value());
    }

    @EventHandler
    void on(ReferralLost event) {
        release(event.referralId().value());
    }

    @EventHandler
    void on(ReferralCompleted event) {
        // a completed project is closed too (API.md): the client may be referred anew once the window has passed
        release(event.referralId().value());
    }

    private void release(String referralId) {
        // the client is named by the referral's first event, read by exact key
        DomainEventStream stream = eventStore.readEvents(referralId);
        if (!stream.hasNext()) {
            return;
        }
        Object first = stream.next().getPayload();
        if (first instanceof ReferralSubmitted submitted) {
            claims.close(submitted.referralId(), submitted.client());
        } else if (first instanceof FollowOnOpened followOn) {
            claims.close(followOn.referralId(), followOn.client());
        }
    }
}
