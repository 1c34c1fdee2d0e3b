package com.rapport.referral.partner.query;

import com.rapport.referral.config.ReferralProperties;
import com.rapport.support.id.PartnerId;
import com.rapport.referral.partner.PartnerRegistered;
import com.rapport.referral.partner.PartnerUpdated;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Keeps the {@code partners} read model. Runs in a subscribing processor, on the command's thread, so the partner
 * is readable as soon as the registering request is answered. Replacing by id makes a replay harmless.
 */
@Component
@ProcessingGroup(PartnerProjection.GROUP)
public class PartnerProjection {

    public static final String GROUP = "partner-projection";

    private final ReactiveMongoTemplate mongo;
    private final Duration writeTimeout;

    public PartnerProjection(ReactiveMongoTemplate mongo, ReferralProperties properties) {
        this.mongo = mongo;
        this.writeTimeout = properties.projectionWriteTimeout();
    }

    /** Before a rebuild (service-support's ReadModelReplay): the events write every partner again. */
    @ResetHandler
    void reset() {
        mongo.remove(new Query(), PartnerView.class).block(writeTimeout);
    }

    @EventHandler
    void on(PartnerRegistered event, @Timestamp Instant at) {
        PartnerView view = new PartnerView(event.partnerId().value(), event.name(), event.email(), event.language(),
                Optional.ofNullable(event.parentPartnerId()).map(PartnerId::value).orElse(null), at);
        mongo.save(view).block(writeTimeout);
    }

    @EventHandler
    void on(PartnerUpdated event) {
        mongo.updateFirst(Query.query(where("_id").is(event.partnerId().value())),
                new Update().set("name", event.name()).set("email", event.email()).set("language", event.language()),
                PartnerView.class).block(writeTimeout);
    }
}
