package com.rapport.notification.directory;

import com.rapport.events.referral.PartnerRegisteredV1;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Partners by id, kept from the partner events of {@code referral-events}; blocking, for consumer threads. */
@Component
public class PartnerDirectory {

    private final MongoTemplate mongo;

    public PartnerDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Idempotent: the same event again writes the same document. */
    public void record(PartnerRegisteredV1 registered) {
        mongo.save(new PartnerContact(registered.partnerId(), registered.name(), registered.email(),
                registered.language(), registered.parentPartnerId()));
    }

    public Optional<PartnerContact> find(String partnerId) {
        return Optional.ofNullable(mongo.findById(partnerId, PartnerContact.class));
    }

    public PartnerContact require(String partnerId) {
        return find(partnerId).orElseThrow(() -> new PartnerNotYetKnownException(partnerId));
    }
}
