package com.rapport.notification.directory;

import com.rapport.events.referral.ReferralSubmittedV1;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Referrals by id (client and credited partner), kept from {@code referral-events}; blocking, for consumer threads. */
@Component
public class ReferralDirectory {

    private final MongoTemplate mongo;

    public ReferralDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void record(ReferralSubmittedV1 submitted) {
        mongo.save(new ReferralFile(submitted.referralId(), submitted.partnerId(), submitted.client().company()));
    }

    public void reassign(String referralId, String partnerId) {
        mongo.updateFirst(query(where("_id").is(referralId)), Update.update("partnerId", partnerId),
                ReferralFile.class);
    }

    public Optional<ReferralFile> find(String referralId) {
        return Optional.ofNullable(mongo.findById(referralId, ReferralFile.class));
    }

    public ReferralFile require(String referralId) {
        return find(referralId).orElseThrow(() -> new ReferralNotYetKnownException(referralId));
    }
}
