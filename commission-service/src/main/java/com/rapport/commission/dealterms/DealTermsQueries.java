package com.rapport.commission.dealterms;

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
        return mongo.findById(referralId, DealTermsDocument.class)
                .filter(DealTermsDocument::agreed)
                .map(DealTermsDocument::toView);
    }
}
