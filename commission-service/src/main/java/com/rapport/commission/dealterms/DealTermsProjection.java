package com.rapport.commission.dealterms;

import com.rapport.commission.config.CommissionProperties;
import com.rapport.support.axon.BatchedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Each referral's agreed terms as finance reads them; upserts by referralId, so a replay converges. The upserts of a
 * batch go out together before its token moves ({@link BatchedWrites}).
 */
@Component
@ProcessingGroup(DealTermsProjection.GROUP)
class DealTermsProjection {

    static final String GROUP = "deal-terms";
    static final String DEAL_TERMS = "deal_terms";

    private final BatchedWrites writes;

    DealTermsProjection(ReactiveMongoTemplate mongo, CommissionProperties properties) {
        this.writes = new BatchedWrites(mongo, properties.storeTimeout(), GROUP);
    }

    @EventHandler
    void on(DealTermsAgreed event) {
        AgreedTerms terms = event.terms();
        upsert(event.referralId(), new Update()
                .set("rate", terms.rate() == null ? null : terms.rate().toPlainString())
                .set("flatFee", terms.flatFee())
                .set("cap", terms.cap())
                .set("reason", terms.reason())
                .set("agreedBy", event.agreedBy())
                .set("agreedAt", event.agreedAt())
                .setOnInsert("locked", false));
    }

    @EventHandler
    void on(DealTermsLocked event) {
        upsert(event.referralId(), new Update().set("locked", true)
                .set("lockedAt", event.lockedAt()));
    }

    private void upsert(String referralId, Update update) {
        writes.upsert(Query.query(Criteria.where("_id").is(referralId)), update, DealTermsDocument.class);
    }
}
