package com.rapport.referral.referral.numbering;

import com.rapport.referral.config.ReferralProperties;
import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Duration;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * One allocation document per number given, {@code _id = <partnerId>#<n>}, with a unique index on
 * {@code (partnerId, referralId)}. A number is taken by inserting its document: the database refuses a second
 * insert of the same number (another signing got it: try the next) and a second number for the same referral
 * (a retried signing, on this or another instance: the first number stands). Nothing is counted before it is
 * taken, so no number is lost, whatever the number of instances; no lock is held, so a crash leaves no gap.
 * Each store call is awaited (up to {@code store-timeout}) in turn, as every step needs the answer of the one before:
 * callers are bounded-elastic threads, never an event loop.
 */
@Component
public class MongoContractNumbering implements ContractNumbering {

    static final String COLLECTION = "contract-allocations";
    /** Before allocations: a counter per partner and one allocation per referral; numbers continue after them. */
    private static final String LEGACY_COUNTERS = "contract-counters";
    private static final String LEGACY_NUMBERS = "contract-numbers";

    private final ReactiveMongoTemplate mongo;
    private final Duration timeout;

    public MongoContractNumbering(ReactiveMongoTemplate mongo, ReferralProperties properties) {
        this.mongo = mongo;
        this.timeout = properties.storeTimeout();
        // at start-up, before any number is given: the index is what refuses a second number for one referral
        mongo.indexOps(COLLECTION).ensureIndex(new Index().on("partnerId", Sort.Direction.ASC)
                .on("referralId", Sort.Direction.ASC).unique().named("one-number-per-referral")).block(timeout);
    }

    @Override
    public int numberFor(PartnerId partnerId, ReferralId referralId) {
        Integer given = givenTo(partnerId, referralId);
        if (given != null) {
            return given;
        }
        int next = last(partnerId) + 1;
        while (true) {
            try {
                mongo.insert(new Allocation(partnerId.value() + "#" + next, partnerId.value(), referralId.value(),
                        next), COLLECTION).block(timeout);
                return next;
            } catch (DuplicateKeyException taken) {
                given = givenTo(partnerId, referralId);
                if (given != null) {
                    return given;
                }
                // the number went to another referral meanwhile: the next one may be free
                next = Math.max(next + 1, last(partnerId) + 1);
            }
        }
    }

    @Override
    public void giveBack(PartnerId partnerId, ReferralId referralId) {
        Allocation allocation = mongo.findOne(Query.query(where("partnerId").is(partnerId.value())
                .and("referralId").is(referralId.value())), Allocation.class, COLLECTION).block(timeout);
        if (allocation == null || allocation.number() != last(partnerId)) {
            // a later number was given: removing this one would leave a gap in the middle instead
            return;
        }
        // a signing that read this number as the last one just before takes the next: no worse than keeping it
        mongo.remove(Query.query(where("_id").is(allocation.id()).and("referralId").is(referralId.value())),
                Allocation.class, COLLECTION).block(timeout);
    }

    private Integer givenTo(PartnerId partnerId, ReferralId referralId) {
        Allocation allocation = mongo.findOne(Query.query(where("partnerId").is(partnerId.value())
                .and("referralId").is(referralId.value())), Allocation.class, COLLECTION).block(timeout);
        if (allocation != null) {
            return allocation.number();
        }
        LegacyAllocation legacy = mongo.findById(referralId.value(), LegacyAllocation.class, LEGACY_NUMBERS)
                .block(timeout);
        return legacy != null && partnerId.value().equals(legacy.partnerId()) ? legacy.number() : null;
    }

    private int last(PartnerId partnerId) {
        Allocation highest = mongo.findOne(Query.query(where("partnerId").is(partnerId.value()))
                .with(Sort.by(Sort.Direction.DESC, "number")).limit(1), Allocation.class, COLLECTION).block(timeout);
        LegacyCounter legacy = mongo.findById(partnerId.value(), LegacyCounter.class, LEGACY_COUNTERS)
                .block(timeout);
        return Math.max(highest == null ? 0 : highest.number(), legacy == null ? 0 : legacy.signed());
    }

    @Document(COLLECTION)
    record Allocation(@Id String id, String partnerId, String referralId, int number) {
    }

    record LegacyCounter(@Id String partnerId, int signed) {
    }

    record LegacyAllocation(@Id String referralId, String partnerId, int number) {
    }
}
