package com.rapport.referral.referral.query;

import com.rapport.events.money.Money;
import com.rapport.referral.referral.ReferralQualified;
import com.rapport.referral.referral.ReferralSubmitted;
import com.rapport.referral.referral.ReferralStatus;
import com.rapport.referral.referral.ReferredClient;
import com.rapport.referral.support.ReferralServiceIntegrationTest;
import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import com.fasterxml.jackson.databind.JsonNode;
import com.rapport.referral.support.Api;
import org.bson.Document;
import com.rapport.referral.config.ReferralProperties;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;

/** How the referral projection writes: once per unit of work, with what all its events made of the referral. */
class ReferralProjectionWritesTest extends ReferralServiceIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Autowired
    private ReferralProjection projection;

    @Autowired
    private ReactiveMongoTemplate mongo;

    @Test
    void theEventsOfOneUnitOfWorkAreWrittenOnceWhenItCommitsAsTheLastOfThemLeftTheReferral() {
        ReferralId referral = ReferralId.generate();
        PartnerId partner = PartnerId.of(ReferralId.generate().value());
        Instant at = Instant.parse("2026-11-02T10:00:00Z");
        ReferralSubmitted submitted = submitted(referral, partner, "Batch Ltd", "5000.00");

        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(submitted));
        projection.on(submitted, 0, at);
        projection.on(new ReferralQualified(referral, partner), 1, at.plusSeconds(60));
        assertThat(stored(referral)).as("nothing written before the unit of work commits").isNull();
        unitOfWork.commit();

        ReferralView view = stored(referral);
        assertThat(view.status()).isEqualTo(ReferralStatus.QUALIFIED);
        assertThat(view.lastSequence()).isEqualTo(1);
        assertThat(view.estimatedValue()).isEqualTo(Money.of("5000.00", "EUR"));
        assertThat(view.timeline()).extracting(TimelineEntry::type).containsExactly("submitted", "qualified");
    }

    @Test
    void aUnitOfWorkThatCommitsAfterANewerWriteLeavesTheNewerReferralAsItIs() {
        ReferralId referral = ReferralId.generate();
        PartnerId partner = PartnerId.of(ReferralId.generate().value());
        Instant at = Instant.parse("2026-11-02T10:00:00Z");
        ReferralSubmitted submitted = submitted(referral, partner, "Race Ltd", "70.00");

        // a rebuild's batch holds the first two events while live traffic writes the referral as of its third
        UnitOfWork<?> rebuild = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(submitted));
        projection.on(submitted, 0, at);
        projection.on(new ReferralQualified(referral, partner), 1, at);
        CurrentUnitOfWork.clear(rebuild);
        projection.on(submitted, 0, at);
        projection.on(new ReferralQualified(referral, partner), 1, at);
        projection.on(new com.rapport.referral.referral.ReferralRejected(referral, partner, "not a fit"), 2, at);
        CurrentUnitOfWork.set(rebuild);
        rebuild.commit();

        ReferralView view = stored(referral);
        assertThat(view.status()).isEqualTo(ReferralStatus.REJECTED);
        assertThat(view.lastSequence()).isEqualTo(2);
    }

    @Test
    void aBatchReadsItsStoredReferralsAheadAndAppliesEachEventOverWhatItsPredecessorsMade() {
        PartnerId partner = PartnerId.of(ReferralId.generate().value());
        Instant at = Instant.parse("2026-11-02T10:00:00Z");
        ReferralId stored = ReferralId.generate();
        ReferralId fresh = ReferralId.generate();
        ReferralSubmitted storedSubmitted = submitted(stored, partner, "Stored Ltd", "30.00");
        projection.on(storedSubmitted, 0, at);
        ReferralSubmitted freshSubmitted = submitted(fresh, partner, "Fresh Ltd", "40.00");
        ReferralQualified storedQualified = new ReferralQualified(stored, partner);
        ReferralQualified freshQualified = new ReferralQualified(fresh, partner);

        // as a rebuild hands a batch over: one unit of work for all of its events, the referrals read ahead
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(
                GenericEventMessage.asEventMessage(storedSubmitted), GenericEventMessage.asEventMessage(freshSubmitted),
                GenericEventMessage.asEventMessage(storedQualified), GenericEventMessage.asEventMessage(freshQualified)));
        batch.start();
        projection.on(storedSubmitted, 0, at);
        projection.on(freshSubmitted, 0, at);
        projection.on(storedQualified, 1, at);
        projection.on(freshQualified, 1, at);
        projection.on(storedQualified, 1, at);
        assertThat(stored(fresh)).as("nothing written before the unit of work commits").isNull();
        batch.commit();

        assertThat(stored(stored).timeline()).extracting(TimelineEntry::type).containsExactly("submitted", "qualified");
        assertThat(stored(fresh).timeline()).extracting(TimelineEntry::type).containsExactly("submitted", "qualified");
        assertThat(stored(fresh).status()).isEqualTo(ReferralStatus.QUALIFIED);
        assertThat(stored(fresh).estimatedValue()).isEqualTo(Money.of("40.00", "EUR"));
    }

    @Test
    void anEventHandledOutsideAUnitOfWorkIsWrittenAtOnce() {
        ReferralId referral = ReferralId.generate();
        projection.on(submitted(referral, PartnerId.of(ReferralId.generate().value()), "Now Ltd", "10.00"), 0,
                Instant.parse("2026-11-02T10:00:00Z"));

        assertThat(stored(referral).status()).isEqualTo(ReferralStatus.SUBMITTED);
    }

    /**
     * A read model that missed events (its write was lost when the database went away, or the process was killed
     * between storing an event and writing it) is brought up from the event store, never left behind until a rebuild.
     */
    @Nested
    class BeforeARebuild {

        @Autowired
        private ApplicationContext context;

        /**
         * A second rebuild of a 100,000-event store answered 500: deleting 16,000 referrals took the embedded
         * database more than the 10 s one write may take. They are dropped at once now, which on a large store can
         * still take longer than one write.
         */
        @Test
        void everyReferralIsDeletedHoweverLongThatTakesBeyondOneWritesTimeout() {
            String kept = submittedAndWritten("Kept until the reset Ltd");
            ReactiveMongoTemplate slowToDelete = Mockito.spy(mongo);
            Mockito.doAnswer(invocation -> Mono.delay(Duration.ofMillis(600))
                            .then((Mono<?>) invocation.callRealMethod()))
                    .when(slowToDelete).dropCollection(eq(ReferralView.class));
            ReferralProperties defaults = context.getBean(ReferralProperties.class);
            ReferralProperties oneWriteIn200Ms = new ReferralProperties(defaults.duplicateWindow(),
                    Duration.ofMillis(200), defaults.projectionResetTimeout(), defaults.staleClaimGrace(),
                    defaults.storeTimeout());
            ReferralProjection projection = new ReferralProjection(slowToDelete, oneWriteIn200Ms,
                    context.getBeanProvider(EventStore.class));

            projection.reset();

            assertThat(stored(ReferralId.of(kept))).isNull();
        }

        /** Only the reset waits that long: a live event's read of its referral still gives up after one write's time. */
        @Test
        void aLiveEventsReadStillGivesUpAfterOneWritesTimeout() {
            String slow = submittedAndWritten("Slow to read Ltd");
            ReactiveMongoTemplate neverAnswering = Mockito.spy(mongo);
            Mockito.doReturn(Mono.never()).when(neverAnswering).findById(any(), eq(ReferralView.class));
            ReferralProperties defaults = context.getBean(ReferralProperties.class);
            ReferralProjection projection = new ReferralProjection(neverAnswering, new ReferralProperties(
                    defaults.duplicateWindow(), Duration.ofMillis(200), defaults.projectionResetTimeout(),
                    defaults.staleClaimGrace(), defaults.storeTimeout()), context.getBeanProvider(EventStore.class));

            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> projection.on(
                    new ReferralQualified(ReferralId.of(slow), PartnerId.of(ReferralId.generate().value())), 1,
                    Instant.parse("2026-11-02T11:00:00Z")));
            assertThat(projection.isBehind(slow)).as("left to be caught up, as a failed read is").isTrue();
        }

        private String submittedAndWritten(String company) {
            ReferralId referral = ReferralId.generate();
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(company));
            projection.on(submitted(referral, PartnerId.of(ReferralId.generate().value()), company, "10.00"), 0,
                    Instant.parse("2026-11-02T10:00:00Z"));
            unitOfWork.commit();
            assertThat(stored(referral)).isNotNull();
            return referral.value();
        }
    }

    @Nested
    class AReferralWhoseWriteWasLost {

        @Autowired
        private ApplicationContext context;

        @Autowired
        private RecentReferralsCaughtUp recent;

        @Test
        void isCaughtUpFromTheEventStoreByItsNextEvent() {
            Deal deal = new Deal("Gap Ltd");
            deal.qualify();
            deal.sign();
            deal.putBack(deal.submitted); // as if qualifying and signing had never been written

            api.post("/api/referrals/" + deal.referral + "/payments", tokens.ops(), payment("pay-1", "1000.00"),
                    HttpStatus.CREATED);

            ReferralView view = stored(ReferralId.of(deal.referral));
            assertThat(view.timeline()).extracting(TimelineEntry::type)
                    .containsExactly("submitted", "qualified", "contract-signed", "payment-received");
            assertThat(view.status()).isEqualTo(ReferralStatus.CONTRACTED);
            assertThat(view.cashReceived()).isEqualTo(Money.of("1000.00", "EUR"));
            assertThat(view.lastSequence()).isEqualTo(3);
        }

        @Test
        void isCaughtUpBeforeARepeatedCommandIsAnswered() {
            Deal deal = new Deal("Repeat Ltd");
            deal.qualify();
            Document signed = deal.sign();
            api.post("/api/referrals/" + deal.referral + "/payments", tokens.ops(), payment("pay-1", "1000.00"),
                    HttpStatus.CREATED);
            deal.putBack(signed); // the payment was stored, its write lost, and the caller retries it

            JsonNode answer = api.post("/api/referrals/" + deal.referral + "/payments", tokens.ops(),
                    payment("pay-1", "1000.00"), HttpStatus.OK);

            assertThat(answer.at("/cashReceived/amount").asText()).isEqualTo("1000.00");
            assertThat(stored(ReferralId.of(deal.referral)).lastSequence()).isEqualTo(3);
        }

        @Test
        void isCaughtUpBeforeARefusalIsAnswered() {
            Deal deal = new Deal("Refused Ltd");
            deal.qualify();
            deal.putBack(deal.submitted); // qualifying was stored, its write lost, and the caller asks again

            api.post("/api/referrals/" + deal.referral + "/qualify", tokens.ops(), null, HttpStatus.CONFLICT);

            assertThat(api.get("/api/referrals/" + deal.referral, tokens.ops(), HttpStatus.OK).path("status")
                    .asText()).isEqualTo("QUALIFIED");
        }

        @Test
        void isCaughtUpBeforeARefusedSigningIsAnswered() {
            Deal deal = new Deal("Signed Ltd");
            Document qualified = deal.qualify();
            deal.sign();
            deal.putBack(qualified); // the signing was stored, its write lost, and the caller signs again

            api.post("/api/referrals/" + deal.referral + "/contract", tokens.ops(), Map.of("contractValue",
                    Api.money("9000.00", "EUR"), "signedAt", "2026-11-01T00:00:00Z"), HttpStatus.CONFLICT);

            assertThat(api.get("/api/referrals/" + deal.referral, tokens.ops(), HttpStatus.OK).path("status")
                    .asText()).isEqualTo("CONTRACTED");
        }

        @Test
        void whoseWriteFailedIsCaughtUpInTheBackgroundOnceTheDatabaseAnswers() {
            Deal deal = new Deal("Outage Ltd");
            deal.qualify();
            deal.sign();
            deal.putBack(deal.submitted);
            AtomicInteger bulkWrites = new AtomicInteger();
            ReferralProjection failingTwice = overADatabaseWhoseWritesFail(2, bulkWrites);
            ReferralId id = ReferralId.of(deal.referral);

            // the live handling of the qualification: its write fails, though the event (and the next) are stored
            deal.qualifiedLiveBy(failingTwice);
            assertThat(stored(id).lastSequence()).as("nothing written while the database is away").isZero();

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(stored(id).lastSequence()).isEqualTo(2);
                assertThat(stored(id).status()).isEqualTo(ReferralStatus.CONTRACTED);
            });
            assertThat(bulkWrites).hasValue(3);
            assertThat(failingTwice.isBehind(deal.referral)).isFalse();
        }

        @Test
        void whoseWriteFailedIsNoLongerBehindOnceAnotherCaughtItUp() {
            Deal deal = new Deal("Caught Ltd");
            deal.qualify();
            deal.sign();
            deal.putBack(deal.submitted);
            AtomicInteger bulkWrites = new AtomicInteger();
            ReferralProjection failing = overADatabaseWhoseWritesFail(Integer.MAX_VALUE, bulkWrites);
            deal.qualifiedLiveBy(failing);
            assertThat(failing.isBehind(deal.referral)).isTrue();

            // another instance (here: the service's own projection) writes the referral as its events left it
            projection.catchingUp(deal.referral).block(TIMEOUT);

            // the next background attempt finds nothing to write, and the referral is current again
            await().atMost(Duration.ofSeconds(20)).until(() -> !failing.isBehind(deal.referral));
            int writesThen = bulkWrites.get();
            failing.caughtUp(deal.referral).block(TIMEOUT);
            assertThat(bulkWrites).as("a read no longer catches it up").hasValue(writesThen);
        }

        @Test
        void whoseLiveEventCouldNotBeReadOverIsCaughtUpOnceTheDatabaseAnswers() {
            Deal deal = new Deal("Unread Ltd");
            deal.qualify();
            deal.sign();
            deal.putBack(deal.submitted);
            ReactiveMongoTemplate failingOnce = Mockito.spy(mongo);
            AtomicInteger reads = new AtomicInteger();
            Mockito.doAnswer(invocation -> {
                if (reads.incrementAndGet() == 1) {
                    throw new DataAccessResourceFailureException("the database went away");
                }
                return invocation.callRealMethod();
            }).when(failingOnce).findById(any(), eq(ReferralView.class));
            ReferralProjection projection = new ReferralProjection(failingOnce,
                    context.getBean(ReferralProperties.class), context.getBeanProvider(EventStore.class));

            // the live handling of the qualification cannot read the referral: Axon would log it and move on
            deal.qualifiedLiveBy(projection);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(stored(ReferralId.of(deal.referral)).lastSequence()).isEqualTo(2));
            assertThat(projection.isBehind(deal.referral)).isFalse();
        }

        @Test
        void isCaughtUpWhenTheServiceStartsIfItWasAmongTheLastEventsStored() {
            Deal deal = new Deal("Restart Ltd");
            deal.qualify();
            deal.sign();
            deal.putBack(deal.submitted); // the process was killed after storing the events, before writing them

            assertThat(recent.catchUp()).isGreaterThanOrEqualTo(1);

            ReferralView view = stored(ReferralId.of(deal.referral));
            assertThat(view.lastSequence()).isEqualTo(2);
            assertThat(view.status()).isEqualTo(ReferralStatus.CONTRACTED);
            assertThat(recent.catchUp()).as("nothing left behind").isZero();
        }

        /** The projection as the service makes it, over a database whose first {@code failures} bulk writes fail. */
        private ReferralProjection overADatabaseWhoseWritesFail(int failures, AtomicInteger bulkWrites) {
            ReactiveMongoTemplate failing = Mockito.spy(mongo);
            Mockito.doAnswer(invocation -> {
                if (bulkWrites.incrementAndGet() <= failures) {
                    throw new DataAccessResourceFailureException("the database went away");
                }
                return invocation.callRealMethod();
            }).when(failing).bulkOps(any(BulkOperations.BulkMode.class), eq(ReferralView.class));
            return new ReferralProjection(failing, context.getBean(ReferralProperties.class),
                    context.getBeanProvider(EventStore.class));
        }

        /** A referral driven through the API, its read model as each step left it. */
        private final class Deal {
            private final String partner;
            private final String referral;
            private final Document submitted;

            Deal(String company) {
                partner = api.registerPartner(company + " " + Api.unique());
                referral = api.submitReferral(partner);
                submitted = readModel();
            }

            Document qualify() {
                api.post("/api/referrals/" + referral + "/qualify", tokens.ops(), null, HttpStatus.OK);
                return readModel();
            }

            Document sign() {
                api.post("/api/referrals/" + referral + "/contract", tokens.ops(), Map.of("contractValue",
                        Api.money("9000.00", "EUR"), "signedAt", "2026-11-01T00:00:00Z"), HttpStatus.OK);
                return readModel();
            }

            /** The given projection handles the qualification live, in a unit of work as the command's. */
            void qualifiedLiveBy(ReferralProjection projection) {
                UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
                projection.on(new ReferralQualified(ReferralId.of(referral), PartnerId.of(partner)), 1, Instant.now());
                unitOfWork.commit();
            }

            /** The stored read model as it was then: the writes since were lost. */
            void putBack(Document earlier) {
                mongo.save(earlier, ReferralView.COLLECTION).block(TIMEOUT);
            }

            private Document readModel() {
                return mongo.findOne(Query.query(Criteria.where("_id").is(referral)), Document.class,
                        ReferralView.COLLECTION).block(TIMEOUT);
            }
        }

        private static Map<String, Object> payment(String paymentId, String amount) {
            return Map.of("paymentId", paymentId, "amount", Api.money(amount, "EUR"), "kind", "MILESTONE",
                    "receivedAt", "2026-11-20T10:00:00Z");
        }
    }

    private static ReferralSubmitted submitted(ReferralId referral, PartnerId partner, String company, String euros) {
        return new ReferralSubmitted(referral, partner, new ReferredClient(company, "Ann Contact",
                "ann@" + company.toLowerCase().replace(' ', '-') + ".example"), "a project", Money.of(euros, "EUR"));
    }

    private ReferralView stored(ReferralId referral) {
        return mongo.findById(referral.value(), ReferralView.class).block(TIMEOUT);
    }
}
