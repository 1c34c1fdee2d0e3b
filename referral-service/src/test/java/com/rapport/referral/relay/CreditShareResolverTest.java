package com.rapport.referral.relay;

import com.rapport.events.money.Money;
import com.rapport.events.referral.CreditShare;
import com.rapport.referral.partner.EventStorePartnerDirectory;
import com.rapport.support.id.PartnerId;
import com.rapport.referral.partner.PartnerRegistered;
import com.rapport.referral.partner.PartnerUpdated;
import com.rapport.referral.referral.CreditSplit;
import com.rapport.referral.referral.IntroducerShare;
import com.rapport.support.id.ReferralId;
import com.rapport.referral.referral.ReferralQualified;
import com.rapport.referral.referral.ReferralReassigned;
import com.rapport.referral.referral.ReferralSubmitted;
import com.rapport.referral.referral.ReferredClient;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The credit shares the relay attaches, resolved event by event as the relay meets them: always what a fresh read of
 * the referral's stream gives, without reading the stream again for each event (issue 9).
 */
class CreditShareResolverTest {

    private static final ReferralId REFERRAL = new ReferralId("r-1");
    private static final PartnerId ADA = new PartnerId("p-ada");
    private static final PartnerId BO = new PartnerId("p-bo");
    private static final PartnerId CY = new PartnerId("p-cy");

    /** An event store that counts how often a stream is read. */
    private static final class CountingEventStore extends EmbeddedEventStore {
        final AtomicInteger streamReads = new AtomicInteger();

        CountingEventStore() {
            super(EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()));
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier) {
            streamReads.incrementAndGet();
            return super.readEvents(aggregateIdentifier);
        }
    }

    private final CountingEventStore store = new CountingEventStore();
    private final List<DomainEventMessage<?>> stored = new ArrayList<>();

    @AfterEach
    void stop() {
        store.shutDown();
    }

    private DomainEventMessage<?> append(String aggregate, Object payload) {
        long sequence = stored.stream().filter(m -> m.getAggregateIdentifier().equals(aggregate)).count();
        DomainEventMessage<?> message = new GenericDomainEventMessage<>("Aggregate", aggregate, sequence, payload);
        store.publish(message);
        stored.add(message);
        return message;
    }

    private CreditShareResolver resolver() {
        return new CreditShareResolver(store, new EventStorePartnerDirectory(store));
    }

    /** A referral submitted by Ada, reassigned to Bo, split 60/40 between Bo and Cy, then qualified twice over. */
    private List<DomainEventMessage<?>> aReferralWhoseCreditMoves() {
        append(ADA.value(), new PartnerRegistered(ADA, "Ada", "ada@x.example", "fr", null));
        append(BO.value(), new PartnerRegistered(BO, "Bo", "bo@x.example", "de", ADA));
        append(CY.value(), new PartnerRegistered(CY, "Cy", "cy@x.example", "en", null));
        List<DomainEventMessage<?>> referral = new ArrayList<>();
        referral.add(append(REFERRAL.value(), new ReferralSubmitted(REFERRAL, ADA,
                new ReferredClient("Acme", "Li", "li@acme.example"), "d", Money.of("100.00", "EUR"))));
        referral.add(append(REFERRAL.value(), new ReferralQualified(REFERRAL, ADA)));
        referral.add(append(REFERRAL.value(), new ReferralReassigned(REFERRAL, BO, ADA, "moved")));
        referral.add(append(REFERRAL.value(), new ReferralQualified(REFERRAL, BO)));
        referral.add(append(REFERRAL.value(), new CreditSplit(REFERRAL, BO, List.of(
                new IntroducerShare(BO, new BigDecimal("0.6")), new IntroducerShare(CY, new BigDecimal("0.4"))))));
        referral.add(append(REFERRAL.value(), new ReferralQualified(REFERRAL, BO)));
        return referral;
    }

    private static List<String> who(List<CreditShare> shares) {
        return shares.stream().map(s -> s.partnerId() + " " + s.share().stripTrailingZeros().toPlainString()).toList();
    }

    @Nested
    class EventByEventInStoreOrder {

        @Test
        void givesWhatAFreshReadOfTheStreamGivesForEveryEvent() {
            List<DomainEventMessage<?>> referral = aReferralWhoseCreditMoves();
            CreditShareResolver relay = resolver();
            for (DomainEventMessage<?> event : referral) {
                assertThat(relay.sharesFor(event)).as("event %d", event.getSequenceNumber())
                        .isEqualTo(resolver().sharesFor(event));
            }
            assertThat(who(relay.sharesFor(referral.get(1)))).containsExactly("p-ada 1");
            assertThat(who(relay.sharesFor(referral.get(3)))).containsExactly("p-bo 1");
            assertThat(who(relay.sharesFor(referral.get(5)))).containsExactly("p-bo 0.6", "p-cy 0.4");
        }

        @Test
        void readsTheReferralsStreamNoMoreThanOnce() {
            List<DomainEventMessage<?>> referral = aReferralWhoseCreditMoves();
            CreditShareResolver relay = resolver();
            int before = store.streamReads.get();
            referral.forEach(relay::sharesFor);
            // at most one read per partner for its details, none for the referral's own events
            assertThat(store.streamReads.get() - before).isLessThanOrEqualTo(3);
        }

        @Test
        void aBatchSentAgainGetsTheSameSharesAsTheFirstTime() {
            List<DomainEventMessage<?>> referral = aReferralWhoseCreditMoves();
            CreditShareResolver relay = resolver();
            List<List<CreditShare>> first = referral.stream().map(relay::sharesFor).toList();
            // the broker refused events 2..5: the relay starts again from event 2
            for (int i = 2; i < referral.size(); i++) {
                assertThat(relay.sharesFor(referral.get(i))).isEqualTo(first.get(i));
            }
        }
    }

    @Nested
    class APartnersDetails {

        @Test
        void areThoseAfterTheLatestUpdateTheRelayPassed() {
            List<DomainEventMessage<?>> referral = aReferralWhoseCreditMoves();
            CreditShareResolver relay = resolver();
            assertThat(relay.sharesFor(referral.get(1))).singleElement()
                    .extracting(CreditShare::language).isEqualTo("fr");

            DomainEventMessage<?> updated = append(ADA.value(), new PartnerUpdated(ADA, "Ada L.", "ada@y.example",
                    "it"));
            relay.sharesFor(updated);
            DomainEventMessage<?> next = append(REFERRAL.value(), new ReferralQualified(REFERRAL, BO));
            // Ada holds no share any more; an event of a referral she still holds carries her new details
            assertThat(who(relay.sharesFor(next))).containsExactly("p-bo 0.6", "p-cy 0.4");
            assertThat(relay.sharesFor(referral.get(1))).singleElement()
                    .satisfies(share -> {
                        assertThat(share.language()).isEqualTo("it");
                        assertThat(share.email()).isEqualTo("ada@y.example");
                        assertThat(share.name()).isEqualTo("Ada L.");
                    });
        }

        @Test
        void ofAPartnerRegisteredAfterAReferralNamedThemAreFoundOnceRegistered() {
            PartnerId late = new PartnerId("p-late");
            ReferralId other = new ReferralId("r-2");
            DomainEventMessage<?> submitted = append(other.value(), new ReferralSubmitted(other, late,
                    new ReferredClient("Acme", "Li", "li@acme.example"), "d", Money.of("100.00", "EUR")));
            CreditShareResolver relay = resolver();
            assertThat(relay.sharesFor(submitted)).singleElement().extracting(CreditShare::email).isNull();

            relay.sharesFor(append(late.value(), new PartnerRegistered(late, "Late", "late@x.example", "en", null)));
            DomainEventMessage<?> qualified = append(other.value(), new ReferralQualified(other, late));
            assertThat(relay.sharesFor(qualified)).singleElement().extracting(CreditShare::email)
                    .isEqualTo("late@x.example");
        }
    }
}
