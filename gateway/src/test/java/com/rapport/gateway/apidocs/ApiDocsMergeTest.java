package com.rapport.gateway.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The merged document keeps each service's paths as they are, operations of one path from two documents together. */
class ApiDocsMergeTest {

    private final ObjectMapper json = new ObjectMapper();
    private final ApiDocsController controller = new ApiDocsController(
            org.springframework.web.reactive.function.client.WebClient.builder(), null, json);

    @Test
    void pathsAreMergedByNameNotReadAsPointers() throws Exception {
        JsonNode referral = json.readTree("""
                {"paths": {"/api/referrals": {"get": {"operationId": "list"}},
                           "/api/referrals/{referralId}/qualify": {"post": {"operationId": "qualify"}}},
                 "components": {"schemas": {"Money": {"type": "object"}}}}""");
        JsonNode gateway = json.readTree("""
                {"paths": {"/auth/token": {"post": {"operationId": "token"}},
                           "/api/referrals": {"post": {"operationId": "submit"}}},
                 "components": {"schemas": {"Money": {"type": "string"}, "Token": {"type": "object"}}}}""");

        JsonNode merged = controller.merge(List.of(referral, gateway));

        assertThat(merged.path("paths").has("/api/referrals/{referralId}/qualify")).isTrue();
        assertThat(merged.path("paths").has("api")).isFalse();
        assertThat(merged.at("/paths/~1api~1referrals/get/operationId").asText()).isEqualTo("list");
        assertThat(merged.at("/paths/~1api~1referrals/post/operationId").asText()).isEqualTo("submit");
        assertThat(merged.at("/paths/~1auth~1token/post/operationId").asText()).isEqualTo("token");
        assertThat(merged.at("/components/schemas/Money/type").asText()).isEqualTo("object");
        assertThat(merged.at("/components/schemas/Token/type").asText()).isEqualTo("object");
        assertThat(merged.path("openapi").asText()).startsWith("3.");
    }
}
