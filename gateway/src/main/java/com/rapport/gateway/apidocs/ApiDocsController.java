package com.rapport.gateway.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rapport.gateway.routing.ServicesProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * API.md "Operations": one OpenAPI 3 document of the whole public API at {@code /v3/api-docs}, merged from the
 * services' own documents (each service's springdoc, and the gateway's for {@code /auth/*}), and a page at
 * {@code /api-docs} that lists it for a person. A service that does not answer leaves its paths out rather than
 * failing the document.
 */
@RestController
class ApiDocsController {

    private static final Logger log = LoggerFactory.getLogger(ApiDocsController.class);
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private final WebClient web;
    private final ServicesProperties services;
    private final ObjectMapper json;

    ApiDocsController(WebClient.Builder webClients, ServicesProperties services, ObjectMapper json) {
        this.web = webClients.build();
        this.services = services;
        this.json = json;
    }

    @GetMapping(value = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<JsonNode> document(ServerWebExchange exchange) {
        var local = exchange.getRequest().getLocalAddress();
        URI self = URI.create("http://127.0.0.1:" + (local == null ? 8080 : local.getPort()) + "/v3/gateway-api-docs");
        List<URI> sources = List.of(self, docsOf(services.referralUri()), docsOf(services.commissionUri()),
                docsOf(services.notificationUri()));
        return Flux.fromIterable(sources)
                .concatMap(source -> web.get().uri(source).retrieve().bodyToMono(JsonNode.class).timeout(WAIT)
                        .onErrorResume(e -> {
                            log.warn("no API document from {}: {}", source, e.toString());
                            return Mono.empty();
                        }))
                .collectList()
                .map(this::merge);
    }

    @GetMapping(value = "/api-docs", produces = MediaType.TEXT_HTML_VALUE)
    Mono<String> page(ServerWebExchange exchange) {
        return document(exchange).map(ApiDocsController::html);
    }

    private static URI docsOf(URI service) {
        return service.resolve("/v3/api-docs");
    }

    JsonNode merge(List<JsonNode> documents) {
        ObjectNode merged = json.createObjectNode();
        merged.put("openapi", "3.0.1");
        merged.putObject("info").put("title", "Rapport API").put("version", "v1")
                .put("description", "Everything reached through the gateway: /auth/* and /api/** (API.md).");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode schemas = merged.putObject("components").putObject("schemas");
        for (JsonNode document : documents) {
            for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                if (path.getValue() instanceof ObjectNode operations) {
                    // by property name: ObjectNode.with(...) would read "/api/x" as a JSON pointer and nest it
                    JsonNode known = paths.get(path.getKey());
                    (known instanceof ObjectNode existing ? existing : paths.putObject(path.getKey())).setAll(operations);
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = document.path("components").path("schemas").fields();
                 it.hasNext(); ) {
                Map.Entry<String, JsonNode> schema = it.next();
                if (!schemas.has(schema.getKey())) {
                    schemas.set(schema.getKey(), schema.getValue());
                }
            }
        }
        return merged;
    }

    private static String html(JsonNode document) {
        StringBuilder rows = new StringBuilder();
        document.path("paths").fields().forEachRemaining(path -> METHODS.forEach(method -> {
            JsonNode operation = path.getValue().path(method);
            if (!operation.isMissingNode()) {
                rows.append("<tr><td>").append(method.toUpperCase()).append("</td><td><code>")
                        .append(HtmlUtils.htmlEscape(path.getKey())).append("</code></td><td>")
                        .append(HtmlUtils.htmlEscape(operation.path("summary").asText(
                                operation.path("operationId").asText(""))))
                        .append("</td></tr>\n");
            }
        }));
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Rapport API</title>
                <meta name="viewport" content="width=device-width, initial-scale=1"></head>
                <body><main><h1>Rapport API</h1>
                <p>The OpenAPI 3 document: <a href="/v3/api-docs">/v3/api-docs</a>. The contract in words: API.md.</p>
                <table><caption>Every operation through the gateway</caption>
                <thead><tr><th scope="col">Method</th><th scope="col">Path</th><th scope="col">Operation</th></tr></thead>
                <tbody>
                %s</tbody></table></main></body></html>
                """.formatted(rows);
    }
}
