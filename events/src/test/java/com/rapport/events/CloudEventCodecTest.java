package com.rapport.events;

import com.rapport.events.money.Money;
import com.rapport.events.referral.ContractSignedV1;
import com.rapport.events.referral.ReferralQualifiedV1;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventCodecTest {

    private final CloudEventCodec codec = new CloudEventCodec("/referral-service");

    @Test
    void encodesAStructuredCloudEventWhoseSubjectIsTheKey() throws Exception {
        var signed = new ContractSignedV1("r-1", "p-1", Money.of("10000", "EUR"),
                Instant.parse("2026-11-20T10:00:00Z"), 3);
        byte[] bytes = codec.encode("evt-1", Instant.parse("2026-11-20T10:00:01Z"), signed);

        var json = codec.mapper().readTree(bytes);
        assertThat(json.get("specversion").asText()).isEqualTo("1.0");
        assertThat(json.get("id").asText()).isEqualTo("evt-1");
        assertThat(json.get("type").asText()).isEqualTo("rapport.referral.contract-signed.v1");
        assertThat(json.get("subject").asText()).isEqualTo("r-1");
        assertThat(json.get("time").asText()).isEqualTo("2026-11-20T10:00:01Z");
        assertThat(json.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(json.at("/data/contractValue/amount").asText()).isEqualTo("10000.00");
        assertThat(json.at("/data/signedAt").asText()).isEqualTo("2026-11-20T10:00:00Z");

        CloudEventCodec.Decoded decoded = codec.decode(bytes);
        assertThat(decoded.type()).isEqualTo(EventType.CONTRACT_SIGNED);
        assertThat(decoded.payload()).isEqualTo(signed);
    }

    @Test
    void unknownTypeOrVersionIsUnprocessable() {
        byte[] v9 = """
                {"specversion":"1.0","id":"x","source":"/t","type":"rapport.referral.qualified.v9",
                 "subject":"r","data":{"referralId":"r","partnerId":"p"}}""".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> codec.decode(v9)).isInstanceOf(UnprocessableEventException.class)
                .hasMessageContaining("rapport.referral.qualified.v9");
    }

    @Test
    void anUnknownTypeIsNamedAsTheReasonEvenInARecordThatIsNoValidCloudEvent() {
        byte[] noSource = """
                {"specversion":"1.0","id":"x","type":"rapport.commission.bonus.v9","data":{}}"""
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> codec.decode(noSource)).isInstanceOf(UnprocessableEventException.class)
                .hasMessage("unknown event type or version: rapport.commission.bonus.v9");
    }

    @Test
    void brokenJsonIsUnprocessable() {
        assertThatThrownBy(() -> codec.decode("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnprocessableEventException.class);
    }

    @Test
    void anOldTypeIsReadThroughItsUpcaster() {
        // a hypothetical v0 that called the referral "id": readable as v1 for as long as it is stored
        var upcasting = new CloudEventCodec("/t", Map.of("rapport.referral.qualified.v0",
                new CloudEventCodec.Upcaster(EventType.REFERRAL_QUALIFIED,
                        data -> data.set("referralId", data.remove("id")))));
        byte[] v0 = """
                {"specversion":"1.0","id":"x","source":"/t","type":"rapport.referral.qualified.v0",
                 "subject":"r","data":{"id":"r-9","partnerId":"p"}}""".getBytes(StandardCharsets.UTF_8);
        assertThat(upcasting.decode(v0).payload()).isEqualTo(new ReferralQualifiedV1("r-9", "p"));
    }

    @org.junit.jupiter.api.Test
    void creditSharesTravelWithReferralEventsAndOldRecordsWithoutThemStillRead() {
        var codec = new CloudEventCodec("/test");
        var share = new com.rapport.events.referral.CreditShare("p-1", new java.math.BigDecimal("0.60"), "parent-1", "fr",
                "p1@example.com", "P One", 3);
        var payment = new com.rapport.events.referral.PaymentReceivedV1("r-1", "p-1", "pay-1",
                com.rapport.events.money.Money.of("100.00", "EUR"), com.rapport.events.referral.PaymentKind.DEPOSIT,
                java.time.Instant.parse("2026-11-20T10:00:00Z"), com.rapport.events.money.Money.of("100.00", "EUR"),
                java.util.List.of(share));
        var decoded = codec.decode(codec.encode("e-1", java.time.Instant.parse("2026-11-20T10:00:00Z"), payment));
        org.assertj.core.api.Assertions.assertThat(decoded.payload()).isEqualTo(payment);
        org.assertj.core.api.Assertions.assertThat(new String(codec.encode("e-1", java.time.Instant.EPOCH, payment)))
                .contains("\"share\":\"0.60\"");

        byte[] withoutShares = ("{\"specversion\":\"1.0\",\"id\":\"e-2\",\"source\":\"/x\","
                + "\"type\":\"rapport.referral.qualified.v1\",\"subject\":\"r-1\",\"time\":\"2026-11-20T10:00:00Z\","
                + "\"datacontenttype\":\"application/json\",\"data\":{\"referralId\":\"r-1\",\"partnerId\":\"p-1\"}}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(codec.decode(withoutShares).payload())
                .isEqualTo(new com.rapport.events.referral.ReferralQualifiedV1("r-1", "p-1"));
    }
}
