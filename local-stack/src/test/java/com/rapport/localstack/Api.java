package com.rapport.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** A plain HTTP client of the gateway, as any API user would write one: JSON in, JSON out, bearer tokens. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Api(String baseUrl) {
        this(baseUrl, Duration.ofSeconds(30));
    }

    private Api(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
    }

    /** The same address, waiting up to {@code timeout} for each answer (a rebuild of read models takes minutes). */
    Api patient(Duration timeout) {
        return new Api(baseUrl, timeout);
    }

    record Response(int status, HttpHeaders headers, String text) {

        JsonNode json() {
            try {
                return text == null || text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text, e);
            }
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        /** The problem's type slug: the last path segment of {@code type}. */
        String problemSlug() {
            String type = json().path("type").asText();
            return type.substring(type.lastIndexOf('/') + 1);
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    String login(String username, String password) {
        Response response = post("/auth/token", null, Map.of("username", username, "password", password));
        if (response.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + response);
        }
        return response.json().path("accessToken").asText();
    }

    /**
     * A user's token that logs in again once it is ten minutes old: the gateway's access tokens live fifteen, and a
     * long run outlives one (the long fault run's audit, 15 minutes in, read every list as 401).
     */
    Supplier<String> session(String username, String password) {
        return new Supplier<>() {
            private String token;
            private long since;

            @Override
            public synchronized String get() {
                if (token == null || System.nanoTime() - since > Duration.ofMinutes(10).toNanos()) {
                    token = login(username, password);
                    since = System.nanoTime();
                }
                return token;
            }
        };
    }

    Response get(String path, String token) {
        return send("GET", path, token, null, "application/json", Map.of());
    }

    Response post(String path, String token, Object body) {
        return send("POST", path, token, write(body), "application/json", Map.of());
    }

    Response put(String path, String token, Object body) {
        return send("PUT", path, token, write(body), "application/json", Map.of());
    }

    Response send(String method, String path, String token, String body, String contentType,
                  Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.header("Accept", "application/json, application/problem+json, */*");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String write(Object body) {
        if (body == null) {
            return null;
        }
        if (body instanceof String text) {
            return text;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
