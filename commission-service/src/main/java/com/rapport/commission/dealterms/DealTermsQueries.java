package com.rapport.commission.dealterms;

import com.rapport.commission.config.BsonValues;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The query side of deal terms. */
@Component
public class DealTermsQueries {

    private final ReactiveMongoTemplate mongo;

    DealTermsQueries(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The terms agreed for the referral; empty when none were (a contract locked without terms included). */
    public Mono<DealTermsView> termsOf(String referralId) {
        return mongo.findById(referralId, Document.class, DealTermsProjection.DEAL_TERMS)
                .filter(d -> d.get("reason") != null)
                .map(d -> new DealTermsView(d.getString("_id"),
                        d.get("rate") == null ? null : BsonValues.rate(d.get("rate")),
                        d.get("flatFee") == null ? null : BsonValues.money(d.get("flatFee")),
                        d.get("cap") == null ? null : BsonValues.money(d.get("cap")),
                        d.getString("reason"), d.getString("agreedBy"), BsonValues.instant(d.get("agreedAt")),
                        Boolean.TRUE.equals(d.getBoolean("locked")),
                        d.get("lockedAt") == null ? null : BsonValues.instant(d.get("lockedAt"))));
    }
}
