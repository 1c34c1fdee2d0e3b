package com.rapport.support.problem;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatusCode;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTypesTest {

    @ParameterizedTest
    @CsvSource({"400, malformed-request", "401, unauthenticated", "403, forbidden", "404, not-found",
            "409, conflict", "413, payload-too-large", "415, unsupported-media-type", "429, too-many-requests",
            "500, internal-error", "502, bad-gateway", "503, service-unavailable", "504, gateway-timeout"})
    void aBareStatusMapsToItsContractSlug(int status, String slug) {
        assertThat(ProblemTypes.slugFor(HttpStatusCode.valueOf(status))).isEqualTo(slug);
        assertThat(ProblemTypes.of(slug).toString()).isEqualTo("https://docs.rapport.example/problems/" + slug);
    }
}
