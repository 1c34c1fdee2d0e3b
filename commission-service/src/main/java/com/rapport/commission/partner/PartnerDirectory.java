package com.rapport.commission.partner;

import com.rapport.commission.config.CommissionProperties;
import com.rapport.events.referral.PartnerRegisteredV1;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Optional;

/**
 * The partners referral-service registered, copied from {@code partner.registered} (this service never reads
 * another service's database). Registering is an upsert by partnerId, so a redelivered event changes nothing.
 */
@Component
public class PartnerDirectory {

    static final String PARTNERS = "partners";

    private final ReactiveMongoTemplate mongo;
    private final Duration timeout;

    PartnerDirectory(ReactiveMongoTemplate mongo, CommissionProperties properties) {
        this.mongo = mongo;
        this.timeout = properties.storeTimeout();
    }

    /** Blocking: called from the Kafka listener thread. */
    public void register(PartnerRegisteredV1 event) {
        mongo.save(new Partner(event.partnerId(), event.name(), event.parentPartnerId())).block(timeout);
    }

    /** Blocking: called from the Kafka listener thread. A partner not registered here yet is left alone. */
    public void rename(String partnerId, String name) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(partnerId)), Update.update("name", name), Partner.class)
                .block(timeout);
    }

    /** Blocking: called from the Kafka listener thread. */
    public Optional<Partner> lookUp(String partnerId) {
        return find(partnerId).blockOptional(timeout);
    }

    public Mono<Partner> find(String partnerId) {
        return mongo.findById(partnerId, Partner.class);
    }
}
