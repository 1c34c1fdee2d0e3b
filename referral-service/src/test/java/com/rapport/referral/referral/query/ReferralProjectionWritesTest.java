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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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

    private static ReferralSubmitted submitted(ReferralId referral, PartnerId partner, String company, String euros) {
        return new ReferralSubmitted(referral, partner, new ReferredClient(company, "Ann Contact",
                "ann@" + company.toLowerCase().replace(' ', '-') + ".example"), "a project", Money.of(euros, "EUR"));
    }

    private ReferralView stored(ReferralId referral) {
        return mongo.findById(referral.value(), ReferralView.class).block(TIMEOUT);
    }
}
