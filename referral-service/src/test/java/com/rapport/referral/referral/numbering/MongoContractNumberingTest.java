package com.rapport.referral.referral.numbering;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import com.rapport.referral.support.Api;
import com.rapport.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract numbers as two service instances give them: two components, each with its own MongoDB client, on one
 * database (the real MongoDB-wire server of the tests).
 */
class MongoContractNumberingTest {

    private static final String DATABASE = "rapport-referral-numbering-test";
    private static final int REFERRALS = 30;

    private MongoClient firstClient;
    private MongoClient secondClient;
    private MongoContractNumbering first;
    private MongoContractNumbering second;
    private PartnerId partner;

    @BeforeEach
    void connect() {
        firstClient = MongoClients.create(TestInfrastructure.shared().mongo().connectionString());
        secondClient = MongoClients.create(TestInfrastructure.shared().mongo().connectionString());
        first = new MongoContractNumbering(new MongoTemplate(firstClient, DATABASE));
        second = new MongoContractNumbering(new MongoTemplate(secondClient, DATABASE));
        partner = new PartnerId("partner-" + Api.unique());
    }

    @AfterEach
    void disconnect() {
        firstClient.close();
        secondClient.close();
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
