package com.rapport.referral.referral.numbering;

import com.rapport.referral.partner.PartnerId;
import com.rapport.referral.referral.ReferralId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * A counter document per partner, advanced atomically ({@code findOneAndUpdate $inc}), so concurrent signings of
 * one partner's contracts each get their own number; and an allocation document per referral under a unique
 * {@code _id}, so a retried signing reuses the number it was given instead of taking another.
 */
@Component
public class MongoContractNumbering implements ContractNumbering {

    private final MongoTemplate mongo;

    public MongoContractNumbering(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public int numberFor(PartnerId partnerId, ReferralId referralId) {
        Allocation existing = mongo.findById(referralId.value(), Allocation.class);
        if (existing != null) {
            return existing.number();
        }
        Counter counter = mongo.findAndModify(Query.query(where("_id").is(partnerId.value())),
                new Update().inc("signed", 1), FindAndModifyOptions.options().upsert(true).returnNew(true),
                Counter.class);
        try {
            mongo.insert(new Allocation(referralId.value(), partnerId.value(), counter.signed()));
            return counter.signed();
        } catch (DuplicateKeyException allocatedMeanwhile) {
            // only two instances signing the same referral at once get here; the first allocation stands
            return mongo.findById(referralId.value(), Allocation.class).number();
        }
    }

    @Document("contract-counters")
    record Counter(@Id String partnerId, int signed) {
    }

    @Document("contract-numbers")
    record Allocation(@Id String referralId, String partnerId, int number) {
    }
}
