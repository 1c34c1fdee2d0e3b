package com.rapport.referral.referral.claim;

import com.rapport.support.id.ReferralId;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Asks the event store itself, by exact key: a referral exists once its first event is stored. */
@Component
public class EventStoreReferrals implements StoredReferrals {

    private final EventStore eventStore;

    public EventStoreReferrals(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public boolean exists(ReferralId referralId) {
        return eventStore.readEvents(referralId.value()).hasNext();
    }
}
