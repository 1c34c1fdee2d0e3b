package com.rapport.commission.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.rapport.commission.accrual.CommissionAccrued;
import com.rapport.commission.hold.EntryHeld;
import com.rapport.commission.payout.BatchLine;
import com.rapport.commission.payout.PayoutBatchCreated;
import com.rapport.events.commission.CommissionRole;
import com.rapport.events.money.Money;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events stored while commission's events were nested in holder classes ({@code HoldEvents$EntryHeld}) are read,
 * through the same upcast-and-deserialize path the event store uses, as the top-level records of today.
 */
class MovedEventTypesUpcasterTest {

    /** Configured as Spring Boot configures the service's mapper: unknown fields are ignored. */
    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
            .build();

    static Stream<Object> storedEvents() {
        return Stream.of(
                new EntryHeld("e-1", "p-1", "checking the invoice", Instant.parse("2026-03-01T10:00:00Z"),
                        "finance-1", null),
                new CommissionAccrued("e-2", "r-1", "p-1", CommissionRole.INTRODUCER, Money.of("100.00", "EUR"),
                        new BigDecimal("0.10"), Money.of("1000.00", "EUR"), LocalDate.parse("2026-03-31"),
                        LocalDate.parse("2026-03-01"), "10% of 1000.00 EUR", "source-1", Money.of("100.00", "EUR"),
                        "p-1"),
                new PayoutBatchCreated("b-1", LocalDate.parse("2026-03-31"),
                        List.of(new BatchLine("p-1", Money.of("100.00", "EUR"), List.of("e-2")))));
    }

    /** The event as the store held it before the move: its holder-class name, revision and serialized JSON. */
    private GenericDomainEventEntry<String> storedUnderItsHolderName(Object event, String revision) {
        String json = serializer.serialize(event, String.class).getData();
        return new GenericDomainEventEntry<>("Aggregate", "a-1", 0, "event-1", "2026-03-01T10:00:00Z",
                holderNameOf(event.getClass()), revision, json, "{}");
    }

    private static String holderNameOf(Class<?> type) {
        return MovedEventTypesUpcaster.MOVED.entrySet().stream()
                .filter(moved -> moved.getValue().equals(type.getName())).map(Map.Entry::getKey).findFirst()
                .orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("storedEvents")
    void anEventStoredUnderItsHolderNameIsReadAsTheTopLevelRecord(Object event) {
        List<? extends DomainEventMessage<?>> read = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(storedUnderItsHolderName(event, null)), serializer,
                new EventUpcasterChain(new MovedEventTypesUpcaster())).asStream().toList();

        assertThat(read).hasSize(1);
        // a plain mapper reads a rate 0.10 back as 0.1: equal in value, which is all this test is about
        assertThat(read.get(0).getPayload()).isExactlyInstanceOf(event.getClass()).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(event);
        assertThat(read.get(0).getIdentifier()).isEqualTo("event-1");
    }

    @Test
    void onlyTheTypeNameChangesNotTheRevision() {
        SerializedType upcast = new EventUpcasterChain(new MovedEventTypesUpcaster())
                .upcast(Stream.of(new InitialEventRepresentation(
                        storedUnderItsHolderName(storedEvents().findFirst().orElseThrow(), "2"), serializer)))
                .findFirst().orElseThrow().getType();

        assertThat(upcast).isEqualTo(new SimpleSerializedType(EntryHeld.class.getName(), "2"));
    }

    @Test
    void withoutTheUpcasterTheHolderNameIsUnknown() {
        DomainEventMessage<?> read = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(storedUnderItsHolderName(storedEvents().findFirst().orElseThrow(), null)), serializer,
                new EventUpcasterChain()).next();

        assertThat(read.getPayloadType()).isEqualTo(UnknownSerializedType.class);
    }

    @Test
    void everyMovedTypeKeepsItsPackageAndItsName() throws ClassNotFoundException {
        assertThat(MovedEventTypesUpcaster.MOVED).hasSize(28);
        for (Map.Entry<String, String> moved : MovedEventTypesUpcaster.MOVED.entrySet()) {
            Class<?> type = Class.forName(moved.getValue());
            assertThat(moved.getKey())
                    .matches(type.getPackageName().replace(".", "\\.") + "\\.[A-Z]\\w*Events\\$"
                            + type.getSimpleName());
            assertThat(type.isRecord()).isTrue();
        }
    }
}
