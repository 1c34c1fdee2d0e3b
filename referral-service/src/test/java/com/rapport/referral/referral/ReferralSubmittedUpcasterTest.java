package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.rapport.events.money.Money;
import com.rapport.support.id.PartnerId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event evolution: a {@code ReferralSubmitted} stored in its first shape (revision 1, client fields at the top) is
 * read, through the same upcast-and-deserialize path the event store uses, as the current record.
 */
class ReferralSubmittedUpcasterTest {

    static final String REVISION_1_PAYLOAD = """
            {"referralId": "r-old", "partnerId": "p-old",
             "company": "Acme Ltd", "contactName": "Li Wei", "contactEmail": "li@acme.example",
             "description": "Mini-program", "estimatedValue": {"amount": "80000.00", "currency": "CNY"}}
            """;

    /** Configured as Spring Boot configures the service's mapper: unknown fields are ignored. */
    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
            .build();

    /** A stored event exactly as the event store holds it: payload type, revision and serialized JSON. */
    static GenericDomainEventEntry<String> storedRevision1() {
        return new GenericDomainEventEntry<>("Referral", "r-old", 0, "event-old", "2025-03-01T10:00:00Z",
                ReferralSubmitted.class.getName(), "1", REVISION_1_PAYLOAD, "{}");
    }

    @Test
    void aRevision1SubmissionIsReadAsTheCurrentShape() {
        List<? extends DomainEventMessage<?>> read = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(storedRevision1()), serializer, new EventUpcasterChain(new ReferralSubmittedUpcaster()))
                .asStream().toList();

        assertThat(read).hasSize(1);
        assertThat(read.get(0).getPayload()).isEqualTo(new ReferralSubmitted(new ReferralId("r-old"),
                new PartnerId("p-old"), new ReferredClient("Acme Ltd", "Li Wei", "li@acme.example"), "Mini-program",
                Money.of("80000.00", "CNY")));
        assertThat(read.get(0).getIdentifier()).isEqualTo("event-old");
    }

    @Test
    void theCurrentRevisionIsLeftAlone() {
        String current = """
                {"referralId": "r-new", "partnerId": "p-new",
                 "client": {"company": "Beta", "contactName": "Wu", "contactEmail": "wu@beta.example"},
                 "description": "d", "estimatedValue": null}
                """;
        GenericDomainEventEntry<String> stored = new GenericDomainEventEntry<>("Referral", "r-new", 0, "event-new",
                "2026-03-01T10:00:00Z", ReferralSubmitted.class.getName(), "2", current, "{}");
        Object payload = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(stored), serializer,
                new EventUpcasterChain(new ReferralSubmittedUpcaster())).next().getPayload();
        assertThat(((ReferralSubmitted) payload).client().company()).isEqualTo("Beta");
    }

    @Test
    void withoutTheUpcasterTheOldShapeWouldLoseTheClient() {
        Object payload = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(storedRevision1()), serializer,
                new EventUpcasterChain()).next().getPayload();
        assertThat(((ReferralSubmitted) payload).client()).isNull();
    }

}
