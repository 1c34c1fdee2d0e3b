package com.rapport.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.rapport.referral.support.Api;
import com.rapport.events.Topics;
import com.rapport.testsupport.CloudEventTopics;
import com.rapport.referral.support.ReferralServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static com.rapport.referral.support.Api.money;
import static org.assertj.core.api.Assertions.assertThat;

/** The set rules hold when requests arrive all at once. */
class ConcurrencyTest extends ReferralServiceIntegrationTest {

    private static final int PARALLEL = 20;
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @LocalServerPort
    private int port;

    private record Answer(int status, JsonNode body) {
    }

    @Test
    void twentyPartnersSubmittingTheSameClientAtOnceGetOneReferral() {
        List<String> partners = IntStream.range(0, PARALLEL).mapToObj(i -> api.registerPartner("Racer " + i))
                .toList();
        String marker = Api.unique();
        Map<String, Object> sameClient = Api.referralFor("Contested " + marker + " Ltd",
                "contested-" + marker + "@client.example");

        List<Answer> answers = Flux.fromIterable(partners)
                .flatMap(partner -> post("/api/referrals", tokens.partner(partner), sameClient), PARALLEL)
                .collectList().block(PATIENCE);

        assertThat(answers).extracting(Answer::status).filteredOn(status -> status == 201).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() == 409).hasSize(PARALLEL - 1)
                .allSatisfy(answer -> assertThat(answer.body().get("type").asText())
                        .endsWith("/problems/duplicate-referral"));
        assertThat(api.get("/api/referrals?size=200", tokens.ops(), HttpStatus.OK).get("items"))
                .filteredOn(item -> item.get("client").get("company").asText().equals("Contested " + marker + " Ltd"))
                .hasSize(1);
    }

    @Test
    void twentyContractsOfOnePartnerSignedAtOnceAreNumberedOneToTwenty() {
        String partner = api.registerPartner("Busy");
        List<String> referrals = IntStream.range(0, PARALLEL).mapToObj(i -> api.submitReferral(partner)).toList();
        referrals.forEach(referral -> api.post("/api/referrals/" + referral + "/qualify", tokens.ops(), null,
                HttpStatus.OK));

        List<Answer> answers = Flux.fromIterable(referrals)
                .flatMap(referral -> post("/api/referrals/" + referral + "/contract", tokens.ops(),
                        Map.of("contractValue", money("1000.00", "EUR"), "signedAt", "2026-11-01T00:00:00Z")),
                        PARALLEL)
                .collectList().block(PATIENCE);

        assertThat(answers).extracting(Answer::status).containsOnly(200);
        assertThat(answers).extracting(answer -> answer.body().get("contractNumber").asInt())
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, PARALLEL).boxed().toList());
        List<CloudEventTopics.Received> signed = CloudEventTopics.shared().events(Topics.REFERRAL_EVENTS,
                Set.copyOf(referrals)::contains,
                received -> received.stream().filter(this::isContractSigned).count() >= PARALLEL, PATIENCE);
        assertThat(signed.stream().filter(this::isContractSigned)
                .map(received -> received.event().data().get("contractNumber").asInt()))
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, PARALLEL).boxed().toList());
    }

    private boolean isContractSigned(CloudEventTopics.Received received) {
        return received.event().type().equals("rapport.referral.contract-signed.v1");
    }

    private Mono<Answer> post(String path, String token, Object body) {
        return WebClient.create("http://127.0.0.1:" + port).post().uri(path)
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchangeToMono(response -> response.bodyToMono(JsonNode.class)
                        .map(json -> new Answer(response.statusCode().value(), json)));
    }
}
