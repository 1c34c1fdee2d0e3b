package com.rapport.referral.referral.numbering;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.rapport.referral.config.ReferralProperties;
import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import com.rapport.referral.support.Api;
import com.rapport.testsupport.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract numbers as two service instances give them: two components, each with its own MongoDB client, on one
 * database (the real MongoDB-wire server of the tests).
 */
class MongoContractNumberingTest {

    private static final String DATABASE = "rapport-referral-numbering-test";
    private static final int REFERRALS = 30;

    private static final ReferralProperties PROPERTIES = new ReferralProperties(Duration.ofDays(180),
            Duration.ofSeconds(10), Duration.ofMinutes(30), Duration.ofMinutes(5), Duration.ofSeconds(10));

    private com.mongodb.reactivestreams.client.MongoClient firstClient;
    private com.mongodb.reactivestreams.client.MongoClient secondClient;
    private MongoContractNumbering first;
    private MongoContractNumbering second;
    private PartnerId partner;

    @BeforeEach
    void connect() {
        firstClient = reactiveClient();
        secondClient = reactiveClient();
        first = new MongoContractNumbering(new ReactiveMongoTemplate(firstClient, DATABASE), PROPERTIES);
        second = new MongoContractNumbering(new ReactiveMongoTemplate(secondClient, DATABASE), PROPERTIES);
        partner = new PartnerId("partner-" + Api.unique());
    }

    @AfterEach
    void disconnect() {
        firstClient.close();
        secondClient.close();
    }

    private static com.mongodb.reactivestreams.client.MongoClient reactiveClient() {
        return com.mongodb.reactivestreams.client.MongoClients.create(
                TestInfrastructure.shared().mongo().connectionString());
    }

    /** Numbers as the blocking template (and, before allocations, the counters) stored them: they still count. */
    @Nested
    class NumbersStoredBefore {

        private static final String ALLOCATION_CLASS =
                "com.rapport.referral.referral.numbering.MongoContractNumbering$Allocation";

        @Test
        void allocationsStoredBeforeKeepTheirNumbersAndTheNextFollowsThem() {
            ReferralId one = new ReferralId("r-" + Api.unique());
            ReferralId two = new ReferralId("r-" + Api.unique());
            onDatabase(database -> {
                database.getCollection(MongoContractNumbering.COLLECTION).insertOne(allocation(1, one));
                database.getCollection(MongoContractNumbering.COLLECTION).insertOne(allocation(2, two));
            });
            assertThat(first.numberFor(partner, two)).isEqualTo(2);
            assertThat(first.numberFor(partner, one)).isEqualTo(1);
            ReferralId three = new ReferralId("r-" + Api.unique());
            assertThat(second.numberFor(partner, three)).isEqualTo(3);
            // the stored one is the last no more: it stays taken; the new last one goes back
            first.giveBack(partner, two);
            assertThat(first.numberFor(partner, two)).isEqualTo(2);
            first.giveBack(partner, three);
            assertThat(first.numberFor(partner, new ReferralId("r-" + Api.unique()))).isEqualTo(3);
        }

        @Test
        void anAllocationStoredBeforeIsGivenBackWhileItIsTheLast() {
            ReferralId lost = new ReferralId("r-" + Api.unique());
            onDatabase(database -> database.getCollection(MongoContractNumbering.COLLECTION)
                    .insertOne(allocation(1, lost)));
            first.giveBack(partner, lost);
            onDatabase(database -> assertThat(database.getCollection(MongoContractNumbering.COLLECTION)
                    .countDocuments(new Document("partnerId", partner.value()))).isZero());
            assertThat(second.numberFor(partner, new ReferralId("r-" + Api.unique()))).isEqualTo(1);
        }

        @Test
        void legacyCountersAndNumbersStillCount() {
            ReferralId numberedByTheCounter = new ReferralId("r-" + Api.unique());
            onDatabase(database -> {
                database.getCollection("contract-counters")
                        .insertOne(new Document("_id", partner.value()).append("signed", 5));
                database.getCollection("contract-numbers").insertOne(new Document("_id", numberedByTheCounter.value())
                        .append("partnerId", partner.value()).append("number", 4));
            });
            assertThat(first.numberFor(partner, numberedByTheCounter)).isEqualTo(4);
            assertThat(second.numberFor(partner, new ReferralId("r-" + Api.unique()))).isEqualTo(6);
        }

        @Test
        void anAllocationIsStoredInTheShapeItHadBefore() {
            ReferralId referral = new ReferralId("r-" + Api.unique());
            first.numberFor(partner, referral);
            onDatabase(database -> assertThat(database.getCollection(MongoContractNumbering.COLLECTION)
                    .find(new Document("_id", partner.value() + "#1")).first()).isEqualTo(allocation(1, referral)));
        }

        private Document allocation(int number, ReferralId referral) {
            return new Document("_id", partner.value() + "#" + number).append("partnerId", partner.value())
                    .append("referralId", referral.value()).append("number", number)
                    .append("_class", ALLOCATION_CLASS);
        }

        private void onDatabase(Consumer<MongoDatabase> work) {
            try (MongoClient raw = MongoClients.create(TestInfrastructure.shared().mongo().connectionString())) {
                work.accept(raw.getDatabase(DATABASE));
            }
        }
    }

    @Nested
    class OnOneInstance {

        @Test
        void aPartnersContractsAreNumberedOneTwoThreeInOrderOfSigning() {
            assertThat(IntStream.range(0, 3).map(i -> first.numberFor(partner, new ReferralId("r-" + Api.unique()))))
                    .containsExactly(1, 2, 3);
        }

        @Test
        void askingAgainForTheSameReferralGivesTheSameNumber() {
            ReferralId referral = new ReferralId("r-" + Api.unique());
            int number = first.numberFor(partner, referral);
            first.numberFor(partner, new ReferralId("r-" + Api.unique()));
            assertThat(first.numberFor(partner, referral)).isEqualTo(number);
            assertThat(second.numberFor(partner, referral)).isEqualTo(number);
        }

        @Test
        void aNumberGivenBackWhileItIsTheLastGoesToTheNextSigning() {
            first.numberFor(partner, new ReferralId("r-" + Api.unique()));
            ReferralId lostMeanwhile = new ReferralId("r-" + Api.unique());
            assertThat(first.numberFor(partner, lostMeanwhile)).isEqualTo(2);
            second.giveBack(partner, lostMeanwhile);
            assertThat(first.numberFor(partner, new ReferralId("r-" + Api.unique()))).isEqualTo(2);
        }

        @Test
        void aNumberGivenBackAfterALaterOneWasGivenStaysTaken() {
            ReferralId lostMeanwhile = new ReferralId("r-" + Api.unique());
            first.numberFor(partner, lostMeanwhile);
            first.numberFor(partner, new ReferralId("r-" + Api.unique()));
            first.giveBack(partner, lostMeanwhile);
            assertThat(first.numberFor(partner, new ReferralId("r-" + Api.unique()))).isEqualTo(3);
            assertThat(first.numberFor(partner, lostMeanwhile)).isEqualTo(1);
        }

        @Test
        void eachPartnerCountsItsOwnContracts() {
            PartnerId other = new PartnerId("partner-" + Api.unique());
            ReferralId shared = new ReferralId("r-" + Api.unique());
            first.numberFor(partner, new ReferralId("r-" + Api.unique()));
            assertThat(first.numberFor(partner, shared)).isEqualTo(2);
            // a co-introducer of the same referral counts it as its own first contract
            assertThat(first.numberFor(other, shared)).isEqualTo(1);
        }
    }

    @Nested
    class OnTwoInstancesAtOnce {

        @Test
        void theSameReferralsSignedOnBothInstancesAtOnceAreNumberedOneToNWithoutGapsOrDuplicates()
                throws Exception {
            List<ReferralId> referrals = IntStream.range(0, REFERRALS)
                    .mapToObj(i -> new ReferralId("r-" + Api.unique())).toList();
            Map<ReferralId, Integer> byFirst = new ConcurrentHashMap<>();
            Map<ReferralId, Integer> bySecond = new ConcurrentHashMap<>();
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                // both instances sign every referral, each step at the same moment: the retried signing of a
                // referral on another instance, and other referrals of the same partner, race for numbers
                List<Future<?>> done = new ArrayList<>();
                done.add(threads.submit(() -> allocate(first, referrals, byFirst, together)));
                done.add(threads.submit(() -> allocate(second, referrals, bySecond, together)));
                for (Future<?> each : done) {
                    each.get(120, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(byFirst).isEqualTo(bySecond);
            assertThat(byFirst.values()).containsExactlyInAnyOrderElementsOf(
                    IntStream.rangeClosed(1, REFERRALS).boxed().toList());
            // the next signing follows on directly: no number was lost on the way
            assertThat(second.numberFor(partner, new ReferralId("r-" + Api.unique()))).isEqualTo(REFERRALS + 1);
        }

        @Test
        void differentReferralsSignedOnBothInstancesAtOnceAreNumberedOneToN() throws Exception {
            List<ReferralId> forFirst = IntStream.range(0, REFERRALS)
                    .mapToObj(i -> new ReferralId("a-" + Api.unique())).toList();
            List<ReferralId> forSecond = IntStream.range(0, REFERRALS)
                    .mapToObj(i -> new ReferralId("b-" + Api.unique())).toList();
            Map<ReferralId, Integer> numbers = new ConcurrentHashMap<>();
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Future<?> a = threads.submit(() -> allocate(first, forFirst, numbers, together));
                Future<?> b = threads.submit(() -> allocate(second, forSecond, numbers, together));
                a.get(120, TimeUnit.SECONDS);
                b.get(120, TimeUnit.SECONDS);
            } finally {
                threads.shutdownNow();
            }
            assertThat(numbers.values()).containsExactlyInAnyOrderElementsOf(
                    IntStream.rangeClosed(1, 2 * REFERRALS).boxed().toList());
        }

        private Void allocate(MongoContractNumbering instance, List<ReferralId> referrals,
                              Map<ReferralId, Integer> numbers, CyclicBarrier together) throws Exception {
            for (ReferralId referral : referrals) {
                together.await(30, TimeUnit.SECONDS);
                numbers.put(referral, instance.numberFor(partner, referral));
            }
            return null;
        }
    }
}
