package com.rapport.support.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.rapport.support.problem.ProblemResponseWriter;
import com.rapport.support.problem.ProblemTypes;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one {@code Idempotency-Key} mechanism (API.md) of every service, on the routes it lists in
 * {@code rapport.idempotency.routes}: the first request with a key runs and its answer is kept; the same key with
 * the same request (method, path, content type, JSON content) gets that answer again (status, {@code Location},
 * body), marked {@code Idempotent-Replayed: true}, and nothing runs; the same key with another request is a 409
 * {@code idempotency-key-reused}; a key whose first request is still running is a 409 {@code conflict}. A 5xx or an
 * error frees the key so that a retry starts afresh; a 4xx is an answer and is kept. Keys belong to the caller (the
 * token's subject). Only an HMAC-SHA256 of the request is stored, never the request. Runs after authentication.
 */
public class IdempotencyKeyFilter implements WebFilter, Ordered {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final String HMAC = "HmacSHA256";

    private final IdempotentRoutes routes;
    private final IdempotencyStore store;
    private final ProblemResponseWriter problems;
    private final ObjectMapper canonicalJson;
    private final int maxKeyLength;
    private final int maxBodyBytes;
    private final SecretKeySpec fingerprintKey;

    IdempotencyKeyFilter(IdempotencyProperties properties, IdempotencyStore store, ProblemResponseWriter problems,
                         ObjectMapper mapper, int maxBodyBytes) {
        this.routes = new IdempotentRoutes(properties.routes());
        this.store = store;
        this.problems = problems;
        this.canonicalJson = mapper.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        this.maxKeyLength = properties.maxKeyLength();
        this.maxBodyBytes = maxBodyBytes;
        byte[] secret = properties.fingerprintKey().isBlank() ? randomSecret()
                : properties.fingerprintKey().getBytes(StandardCharsets.UTF_8);
        this.fingerprintKey = new SecretKeySpec(secret, HMAC);
    }

    private static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    @Override
    public int getOrder() {
        // after Spring Security's filter chain (-100): the caller is known
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String key = request.getHeaders().getFirst(HEADER);
        if (key == null || !routes.cover(request)) {
            return chain.filter(exchange);
        }
        if (key.isBlank() || key.length() > maxKeyLength) {
            return problems.write(exchange, HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST,
                    "Malformed request", "%s must be 1 to %d characters".formatted(HEADER, maxKeyLength));
        }
        return exchange.getPrincipal().map(Principal::getName).defaultIfEmpty("")
                .flatMap(caller -> DataBufferUtils.join(request.getBody(), maxBodyBytes)
                        .map(IdempotencyKeyFilter::bytesOf)
                        .defaultIfEmpty(new byte[0])
                        .flatMap(body -> withKey(exchange, chain, caller + "\n" + key, body)))
                .onErrorResume(DataBufferLimitException.class, tooLarge -> problems.write(exchange,
                        HttpStatus.PAYLOAD_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large",
                        "the request body is over the limit"));
    }

    private Mono<Void> withKey(ServerWebExchange exchange, WebFilterChain chain, String id, byte[] body) {
        return store.begin(id, fingerprint(exchange.getRequest(), body)).flatMap(decision -> {
            if (decision instanceof IdempotencyStore.Decision.Replay replay) {
                return replay(exchange, replay.answer());
            }
            if (decision instanceof IdempotencyStore.Decision.KeyReused) {
                return problems.write(exchange, HttpStatus.CONFLICT, ProblemTypes.IDEMPOTENCY_KEY_REUSED,
                        "Idempotency key reused", "this %s was already used with another request".formatted(HEADER));
            }
            if (decision instanceof IdempotencyStore.Decision.StillRunning) {
                return problems.write(exchange, HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Request in progress",
                        "a request with this %s is still being processed; retry later".formatted(HEADER));
            }
            String attempt = ((IdempotencyStore.Decision.Proceed) decision).attempt();
            ServerWebExchange recording = exchange.mutate()
                    .request(new ReplayableRequest(exchange.getRequest(), body))
                    .response(new RecordingResponse(exchange.getResponse(), id, attempt))
                    .build();
            return chain.filter(recording).onErrorResume(error -> store.forget(id, attempt).then(Mono.error(error)));
        });
    }

    private Mono<Void> replay(ServerWebExchange exchange, IdempotencyRecord answer) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(answer.status()));
        HttpHeaders headers = response.getHeaders();
        if (answer.contentType() != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, answer.contentType());
        }
        if (answer.location() != null) {
            headers.set(HttpHeaders.LOCATION, answer.location());
        }
        headers.set(REPLAYED_HEADER, "true");
        byte[] body = answer.body() == null ? new byte[0] : answer.body();
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    /** Same method, path, content type and JSON content (key order and white space do not matter), as HMAC-SHA256. */
    private String fingerprint(ServerHttpRequest request, byte[] body) {
        byte[] content;
        try {
            JsonNode tree = canonicalJson.readTree(body);
            content = tree == null ? body
                    : canonicalJson.writeValueAsBytes(canonicalJson.treeToValue(tree, Object.class));
        } catch (IOException notJson) {
            content = body;
        }
        try {
            // keyed: a login request holds a password, and a plain digest of it could be guessed offline
            Mac mac = Mac.getInstance(HMAC);
            mac.init(fingerprintKey);
            mac.update((request.getMethod() + " " + request.getURI().getRawPath() + "?"
                    + request.getURI().getRawQuery() + "\n" + request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE)
                    + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(content));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] bytesOf(DataBuffer buffer) {
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        DataBufferUtils.release(buffer);
        return bytes;
    }

    /** The body was read once to fingerprint it; the handler reads it again from here. */
    private static final class ReplayableRequest extends ServerHttpRequestDecorator {
        private final byte[] body;

        ReplayableRequest(ServerHttpRequest delegate, byte[] body) {
            super(delegate);
            this.body = body;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> body.length == 0 ? Flux.empty()
                    : Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
        }
    }

    /** Keeps the answer under the key before it is sent; a server error frees the key instead. */
    private final class RecordingResponse extends ServerHttpResponseDecorator {
        private final String id;
        private final String attempt;
        private final AtomicBoolean recorded = new AtomicBoolean();

        RecordingResponse(ServerHttpResponse delegate, String id, String attempt) {
            super(delegate);
            this.id = id;
            this.attempt = attempt;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            return DataBufferUtils.join(Flux.from(body))
                    .map(IdempotencyKeyFilter::bytesOf)
                    .defaultIfEmpty(new byte[0])
                    .flatMap(bytes -> record(bytes)
                            .then(super.writeWith(Mono.fromSupplier(() -> bufferFactory().wrap(bytes)))));
        }

        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
            return writeWith(Flux.from(body).flatMap(Flux::from));
        }

        @Override
        public Mono<Void> setComplete() {
            return record(new byte[0]).then(super.setComplete());
        }

        private Mono<Void> record(byte[] bytes) {
            if (!recorded.compareAndSet(false, true)) {
                return Mono.empty();
            }
            HttpStatusCode status = getStatusCode() == null ? HttpStatus.OK : getStatusCode();
            if (status.is5xxServerError()) {
                return store.forget(id, attempt);
            }
            return store.complete(id, attempt, status.value(), getHeaders().getFirst(HttpHeaders.CONTENT_TYPE),
                    getHeaders().getFirst(HttpHeaders.LOCATION), bytes);
        }
    }
}
