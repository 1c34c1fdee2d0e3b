package com.rapport.referral.referral.claim;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.rapport.referral.config.ReferralProperties;
import com.rapport.support.id.ReferralId;
import com.rapport.referral.referral.ReferredClient;
import com.rapport.referral.support.Api;
import com.rapport.testsupport.MovableClock;
import com.rapport.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.bson.Document;
import org.junit.jupiter.api.Nested;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The claim rules against a real MongoDB-wire server, with time moved by hand. */
class MongoClientClaimsTest {

    private static final Duration WINDOW = Duration.ofDays(180);
    private static final Duration GRACE = Duration.ofMinutes(5);
    private static final String DATABASE = "rapport-referral-claims-test";
    private static MongoClient client;
    private static com.mongodb.reactivestreams.client.MongoClient reactiveClient;

    private MovableClock clock;
    private MongoClientClaims claims;
    private ReferredClient acme;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.shared().mongo().connectionString());
        reactiveClient = com.mongodb.reactivestreams.client.MongoClients.create(
                TestInfrastructure.shared().mongo().connectionString());
    }

    @AfterAll
    static void disconnect() {
        client.close();
        reactiveClient.close();
    }

    @BeforeEach
    void setUp() {
        clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
        ReferralProperties properties = new ReferralProperties(WINDOW, Duration.ofSeconds(10), Duration.ofMinutes(30), GRACE,
                Duration.ofSeconds(10));
        // every referral of these tests is stored, except the ghosts a crashed submission left behind
        claims = new MongoClientClaims(new ReactiveMongoTemplate(reactiveClient, DATABASE), clock, properties,
                referralId -> !referralId.value().startsWith("ghost"));
        String marker = Api.unique();
        acme = new ReferredClient("Acme " + marker, "Li", "li-" + marker + "@acme.example");
    }

    @Test
    void anOpenReferralBlocksItsClientForever() {
        claims.claim(new ReferralId("first"), acme);
        clock.advance(WINDOW.multipliedBy(3));
        assertThatThrownBy(() -> claims.claim(new ReferralId("second"), acme))
                .isInstanceOf(DuplicateReferralException.class);
    }

    @Test
    void aClosedReferralBlocksItsClientUntilTheWindowAfterItsSubmissionEnds() {
        claims.claim(new ReferralId("first"), acme);
        clock.advance(Duration.ofDays(10));
        claims.close(new ReferralId("first"), acme);
        clock.advance(WINDOW.minusDays(10).minusSeconds(1));
        assertThatThrownBy(() -> claims.claim(new ReferralId("second"), acme))
                .isInstanceOf(DuplicateReferralException.class);
        clock.advance(Duration.ofSeconds(1));
        assertThatCode(() -> claims.claim(new ReferralId("second"), acme)).doesNotThrowAnyException();
        assertThatThrownBy(() -> claims.claim(new ReferralId("third"), acme))
                .isInstanceOf(DuplicateReferralException.class);
    }

    @Test
    void aClaimWhoseReferralWasNeverStoredBlocksOnlyForTheGracePeriod() {
        claims.claim(new ReferralId("ghost-1"), acme);
        clock.advance(GRACE.minusSeconds(1));
        assertThatThrownBy(() -> claims.claim(new ReferralId("second"), acme))
                .isInstanceOf(DuplicateReferralException.class);
        clock.advance(Duration.ofSeconds(1));
        assertThatCode(() -> claims.claim(new ReferralId("second"), acme)).doesNotThrowAnyException();
        clock.advance(GRACE.multipliedBy(10));
        assertThatThrownBy(() -> claims.claim(new ReferralId("third"), acme))
                .isInstanceOf(DuplicateReferralException.class);
    }

    @Test
    void aFollowOnTakesOverTheClaimOfItsReferralWhichNoLongerBlocksIt() {
        claims.claim(new ReferralId("first"), acme);
        claims.close(new ReferralId("first"), acme);
        claims.handOver(new ReferralId("first"), new ReferralId("follow-on"), acme);
        // the follow-on is open: it holds the client beyond the window, as any open referral does
        clock.advance(WINDOW.multipliedBy(2));
        assertThatThrownBy(() -> claims.claim(new ReferralId("second"), acme))
                .isInstanceOf(DuplicateReferralException.class);
        claims.close(new ReferralId("first"), acme);
        assertThatThrownBy(() -> claims.claim(new ReferralId("second"), acme))
                .isInstanceOf(DuplicateReferralException.class);
        claims.close(new ReferralId("follow-on"), acme);
        assertThatCode(() -> claims.claim(new ReferralId("second"), acme)).doesNotThrowAnyException();
    }

    @Test
    void aReleasedClaimFreesTheClientAtOnceButOnlyForTheReferralThatHeldIt() {
        claims.claim(new ReferralId("first"), acme);
        claims.release(new ReferralId("someone-else"), acme);
        assertThatThrownBy(() -> claims.claim(new ReferralId("second"), acme))
                .isInstanceOf(DuplicateReferralException.class);
        // first was not stored after all
        claims.release(new ReferralId("first"), acme);
        assertThatCode(() -> claims.claim(new ReferralId("second"), acme)).doesNotThrowAnyException();
    }

    @Test
    void aFollowOnNotStoredGivesTheClaimBackAsItWas() {
        claims.claim(new ReferralId("first"), acme);
        claims.close(new ReferralId("first"), acme);
        ClientClaims.HandOver handOver = claims.handOver(new ReferralId("first"), new ReferralId("follow-on"), acme);
        claims.giveBack(handOver);
        // closed again, counted from first's submission: free once the window after it ends, not held for ever
        clock.advance(WINDOW.minusSeconds(1));
        assertThatThrownBy(() -> claims.claim(new ReferralId("second"), acme))
                .isInstanceOf(DuplicateReferralException.class);
        clock.advance(Duration.ofSeconds(1));
        assertThatCode(() -> claims.claim(new ReferralId("second"), acme)).doesNotThrowAnyException();
    }

    @Test
    void claimingAgainForTheSameReferralIsHarmless() {
        claims.claim(new ReferralId("first"), acme);
        assertThatCode(() -> claims.claim(new ReferralId("first"), acme)).doesNotThrowAnyException();
    }

    @Test
    void aRefusedClaimGivesBackTheKeysItHadTaken() {
        String marker = Api.unique();
        ReferredClient byEmail = new ReferredClient("Other " + marker, "Li", acme.contactEmail());
        claims.claim(new ReferralId("first"), acme);
        // the company key of byEmail is free and taken first; its email key is held: the whole claim is refused
        assertThatThrownBy(() -> claims.claim(new ReferralId("second"), byEmail))
                .isInstanceOf(DuplicateReferralException.class);
        ReferredClient sameCompany = new ReferredClient("Other " + marker, "Wu", "wu-" + marker + "@other.example");
        assertThatCode(() -> claims.claim(new ReferralId("third"), sameCompany)).doesNotThrowAnyException();
    }

    @Test
    void companyNamesAreComparedTrimmedLowerCasedAndWithWhiteSpaceCollapsed() {
        assertThat(ClientKeys.normalizedCompany("  Acme \t  Trading\u00a0LTD ")).isEqualTo("acme trading ltd");
        assertThat(ClientKeys.normalizedEmail(" Li@Acme.Example ")).isEqualTo("li@acme.example");
    }

    /** Claims as the blocking template wrote them before the reactive one: the same rules hold for them. */
    @Nested
    class ClaimsStoredBefore {

        private static final String CLAIM_CLASS = "com.rapport.referral.referral.claim.ClientClaim";

        private final MongoCollection<Document> stored = client.getDatabase(DATABASE)
                .getCollection(ClientClaim.COLLECTION);

        @Test
        void anOpenClaimStoredBeforeStillBlocksAndIsClosedHandedOverAndGivenBack() {
            Instant submitted = clock.instant().minus(Duration.ofDays(1));
            for (String key : ClientKeys.of(acme)) {
                stored.insertOne(new Document("_id", key).append("referralId", "before")
                        .append("submittedAt", Date.from(submitted)).append("_class", CLAIM_CLASS));
            }
            assertThatThrownBy(() -> claims.claim(new ReferralId("second"), acme))
                    .isInstanceOf(DuplicateReferralException.class);
            assertThatCode(() -> claims.claim(new ReferralId("before"), acme)).doesNotThrowAnyException();

            claims.close(new ReferralId("before"), acme);
            assertThat(raw(ClientKeys.of(acme).get(0)).get("closedAt")).isEqualTo(Date.from(clock.instant()));
            ClientClaims.HandOver handOver = claims.handOver(new ReferralId("before"), new ReferralId("follow-on"),
                    acme);
            assertThat(handOver.previous()).extracting(ClientClaim::referralId, ClientClaim::submittedAt,
                    ClientClaim::closedAt).containsOnly(tuple("before", submitted, clock.instant()));
            claims.giveBack(handOver);

            // closed, counted from its own submission as stored before
            clock.advance(WINDOW.minusDays(1).minusSeconds(1));
            assertThatThrownBy(() -> claims.claim(new ReferralId("second"), acme))
                    .isInstanceOf(DuplicateReferralException.class);
            clock.advance(Duration.ofSeconds(1));
            assertThatCode(() -> claims.claim(new ReferralId("second"), acme)).doesNotThrowAnyException();
        }

        @Test
        void aClaimIsStoredInTheShapeItHadBefore() {
            claims.claim(new ReferralId("first"), acme);
            String key = ClientKeys.of(acme).get(1);
            assertThat(raw(key)).isEqualTo(new Document("_id", key).append("referralId", "first")
                    .append("submittedAt", Date.from(clock.instant())).append("_class", CLAIM_CLASS));
            claims.close(new ReferralId("first"), acme);
            assertThat(raw(key).keySet()).containsExactlyInAnyOrder("_id", "referralId", "submittedAt", "closedAt",
                    "_class");
        }

        private Document raw(String key) {
            return stored.find(new Document("_id", key)).first();
        }
    }
}
