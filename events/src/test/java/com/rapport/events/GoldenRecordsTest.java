package com.rapport.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rapport.events.commission.CommissionAccruedV1;
import com.rapport.events.commission.CommissionRole;
import com.rapport.events.commission.PayoutCancelledV1;
import com.rapport.events.money.Money;
import com.rapport.events.referral.Client;
import com.rapport.events.referral.ContractSignedV1;
import com.rapport.events.referral.CreditShare;
import com.rapport.events.referral.PaymentKind;
import com.rapport.events.referral.PaymentReceivedV1;
import com.rapport.events.referral.ReferralQualifiedV1;
import com.rapport.events.referral.ReferralSubmittedV1;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records written by the hand-written codec that came before the CloudEvents SDK (src/test/resources/golden-records,
 * the exact bytes of Kafka record values, produced by that codec before it was replaced; the last two written by
 * hand in its format) are still read to the same typed payloads and attributes, and what is written today for the
 * same event is the same CloudEvent in JSON.
 *
 * <p>What "the same" means for writing (docs/DECISIONS.md, "CloudEvents SDK"): the same JSON members with the same
 * values, data included member for member and null for null; {@code time} the same instant in RFC 3339 (the SDK
 * drops trailing zeros of the fraction: {@code .120Z} becomes {@code .12Z}). Member order is not compared: a JSON
 * object is unordered (RFC 8259) and the SDK writes {@code datacontenttype} before {@code subject} and extensions
 * before {@code data}.
 */
class GoldenRecordsTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final CreditShare LEAD = new CreditShare("p-1", new BigDecimal("0.60"), "parent-1", "fr",
            "p1@example.com", "Aline Dupré", 3);
    private static final CreditShare CO = new CreditShare("p-2", new BigDecimal("0.40"), null, "zh",
            "p2@example.com", "王芳", 1);

    private final CloudEventCodec referralService = new CloudEventCodec("/referral-service",
            Map.of("rapport.referral.qualified.v0", new CloudEventCodec.Upcaster(EventType.REFERRAL_QUALIFIED,
                    data -> data.set("referralId", data.remove("id")))));
    private final CloudEventCodec commissionService = new CloudEventCodec("/commission-service");

    /** A golden record and what it holds. */
    record Golden(String file, String source, String id, Instant time, IntegrationEvent payload, String traceparent,
                  String tracestate, boolean writtenToday) {

        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Golden> records() {
        return Stream.of(
                new Golden("referral-submitted.v1", "/referral-service", "evt-submitted-1",
                        Instant.parse("2026-11-20T09:30:00Z"),
                        new ReferralSubmittedV1("r-1", "p-1",
                                new Client("Müller & Söhne \"Bau\" GmbH", "Jörg Müller", "jm@example.com"),
                                "Rooftop solar, 40 kWp\nphase 2 later", Money.of("25000", "EUR"), List.of(LEAD, CO)),
                        null, null, true),
                new Golden("contract-signed.v1.traced", "/referral-service", "evt-signed-1",
                        Instant.parse("2026-11-20T10:00:01.120Z"),
                        new ContractSignedV1("r-1", "p-1", Money.of("10000", "EUR"),
                                Instant.parse("2026-11-20T10:00:00Z"), 3, List.of(LEAD, CO)),
                        TRACEPARENT, "rapport=1", true),
                new Golden("payment-received.v1.traced-without-state", "/referral-service", "evt-paid-1",
                        Instant.parse("2026-11-21T08:15:30.123456Z"),
                        new PaymentReceivedV1("r-1", "p-1", "pay-1", Money.of("2500.5", "EUR"), PaymentKind.DEPOSIT,
                                Instant.parse("2026-11-21T08:15:00Z"), Money.of("2500.50", "EUR"),
                                List.of(LEAD, CO)),
                        "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00", null, true),
                new Golden("commission-accrued.v1", "/commission-service", "evt-accrued-1",
                        Instant.parse("2026-11-21T08:15:31.5Z"),
                        new CommissionAccruedV1("e-1", "r-1", "p-1", CommissionRole.values()[0],
                                Money.of("150.03", "EUR"), new BigDecimal("0.10"), Money.of("1500.30", "EUR"),
                                LocalDate.parse("2026-12-21"), "10 % of 1,500.30 EUR", "evt-paid-1"),
                        null, null, true),
                new Golden("payout-cancelled.v1", "/commission-service", "evt-cancelled-1",
                        Instant.parse("2026-11-30T23:59:59.999999999Z"), new PayoutCancelledV1("b-7"),
                        null, null, true),
                // written before events carried credit shares: read with none
                new Golden("referral-qualified.v1.before-shares", "/referral-service", "evt-0",
                        Instant.parse("2026-11-20T10:00:01Z"), new ReferralQualifiedV1("r-1", "p-1"),
                        null, null, false),
                // an old type read through its upcaster (the hypothetical v0 called the referral "id")
                new Golden("referral-qualified.v0.upcast", "/referral-service", "evt-v0",
                        Instant.parse("2026-11-20T10:00:01Z"), new ReferralQualifiedV1("r-9", "p-1"),
                        null, null, false));
    }

    @ParameterizedTest
    @MethodSource("records")
    void aRecordWrittenByThePreviousCodecReadsToTheSameTypedPayload(Golden golden) throws IOException {
        CloudEventCodec.Decoded decoded = codecOf(golden).decode(bytesOf(golden));

        assertThat(decoded.payload()).isEqualTo(golden.payload());
        assertThat(decoded.type()).isEqualTo(EventType.of(golden.payload()));
        assertThat(decoded.eventId()).isEqualTo(golden.id());
        CloudEvent envelope = decoded.envelope();
        assertThat(envelope.source()).isEqualTo(golden.source());
        assertThat(envelope.subject()).isEqualTo(golden.payload().subject());
        assertThat(envelope.time()).isEqualTo(golden.time());
        assertThat(envelope.traceparent()).isEqualTo(golden.traceparent());
        assertThat(envelope.tracestate()).isEqualTo(golden.tracestate());
    }

    @ParameterizedTest
    @MethodSource("records")
    void theSameEventIsWrittenTodayAsTheSameCloudEvent(Golden golden) throws IOException {
        if (!golden.writtenToday()) {
            return; // old shapes are only read
        }
        CloudEventCodec codec = codecOf(golden);
        byte[] today = codec.encode(golden.id(), golden.time(), golden.payload(), golden.traceparent(),
                golden.tracestate());

        ObjectNode before = (ObjectNode) codec.mapper().readTree(bytesOf(golden));
        ObjectNode now = (ObjectNode) codec.mapper().readTree(today);
        assertThat(Instant.parse(now.remove("time").asText())).isEqualTo(Instant.parse(before.remove("time").asText()));
        assertThat(now).isEqualTo(before);
        assertThat(names(now)).containsExactlyInAnyOrderElementsOf(names(before));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private CloudEventCodec codecOf(Golden golden) {
        return golden.source().equals("/commission-service") ? commissionService : referralService;
    }

    private static byte[] bytesOf(Golden golden) throws IOException {
        try (InputStream in = GoldenRecordsTest.class.getResourceAsStream(
                "/golden-records/" + golden.file() + ".json")) {
            assertThat(in).as(golden.file()).isNotNull();
            return in.readAllBytes();
        }
    }
}
