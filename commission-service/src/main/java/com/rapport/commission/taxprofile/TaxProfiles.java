package com.rapport.commission.taxprofile;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Collection;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The partners' tax profiles. Kept as plain current state like payout details (the last value wins): invoices copy
 * the supplier data they need when they are issued, so a later change never alters an issued invoice.
 */
@Component
public class TaxProfiles {

    static final String TAX_PROFILES = "tax_profiles";

    private final ReactiveMongoTemplate mongo;

    TaxProfiles(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The partner's profile, or empty when it has none. */
    public Mono<TaxProfile> find(String partnerId) {
        return mongo.findById(partnerId, TaxProfile.class);
    }

    public Flux<TaxProfile> findAll(Collection<String> partnerIds) {
        return mongo.find(query(where("_id").in(partnerIds)), TaxProfile.class);
    }

    Mono<TaxProfile> save(TaxProfile profile) {
        return mongo.save(profile);
    }
}
