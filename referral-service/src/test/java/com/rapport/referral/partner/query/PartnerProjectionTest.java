package com.rapport.referral.partner.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.rapport.referral.config.ReferralProperties;
import com.rapport.referral.partner.PartnerRegistered;
import com.rapport.referral.support.ReferralServiceIntegrationTest;
import com.rapport.support.id.PartnerId;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;

/**
 * A partner's read model that missed a write (the database went away, the process was killed after storing the
 * event) is caught up from the event store, never left missing until a rebuild: the gateway asks for a partner by id
 * before it makes the partner a login.
 */
class PartnerProjectionTest extends ReferralServiceIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Autowired
    private ReactiveMongoTemplate mongo;

    @Autowired
    private ApplicationContext context;

    @Nested
    class APartnerWhoseWriteWasLost {

        @Test
        void isCaughtUpByItsNextUpdate() {
            String partner = api.registerPartner("Lost Partner");
            mongo.remove(Query.query(Criteria.where("_id").is(partner)), PartnerView.class).block(TIMEOUT);

            JsonNode updated = api.put("/api/partners/" + partner, tokens.ops(),
                    Map.of("name", "Found Partner", "email", "found@partner.example", "language", "fr"),
                    HttpStatus.OK);

            assertThat(updated.path("name").asText()).isEqualTo("Found Partner");
            JsonNode read = api.get("/api/partners/" + partner, tokens.ops(), HttpStatus.OK);
            assertThat(read.path("language").asText()).isEqualTo("fr");
            assertThat(read.path("createdAt").asText()).isNotBlank();
        }

        @Test
        void whenTheWriteFailedIsCaughtUpOnceTheDatabaseAnswers() {
            String partner = api.registerPartner("Outage Partner");
            PartnerView registered = mongo.findById(partner, PartnerView.class).block(TIMEOUT);
            mongo.remove(Query.query(Criteria.where("_id").is(partner)), PartnerView.class).block(TIMEOUT);
            ReactiveMongoTemplate failingTwice = Mockito.spy(mongo);
            AtomicInteger saves = new AtomicInteger();
            Mockito.doAnswer(invocation -> {
                if (saves.incrementAndGet() <= 2) {
                    throw new DataAccessResourceFailureException("the database went away");
                }
                return invocation.callRealMethod();
            }).when(failingTwice).save(any(PartnerView.class));
            PartnerProjection projection = new PartnerProjection(failingTwice,
                    context.getBean(ReferralProperties.class), context.getBeanProvider(EventStore.class));

            // the live handling of the registration: its write fails, the event is stored all the same
            projection.on(new PartnerRegistered(PartnerId.of(partner), registered.name(), registered.email(),
                    registered.language(), null), Instant.now());

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(mongo.findById(partner, PartnerView.class).block(TIMEOUT)).isNotNull()
                            .extracting(PartnerView::name).isEqualTo("Outage Partner"));
            assertThat(saves).hasValue(3);
        }
    }
}
