package com.rapport.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP service for the gateway to route to (the JDK's HttpServer on a free port): it answers each request
 * with what it received (method, path, query, lower-cased headers, body size, its own name) and remembers it.
 * {@code GET /api/partners/{id}} (but {@code me}) answers 200 for partners it was told about and a 404 problem
 * otherwise, like the referral-service; {@code /api/referrals/refused} answers a 409 problem, to check that
 * problems pass untouched; {@code /api/referrals/slow} answers after a silence, {@code /api/referrals/hang-up}
 * not at all; {@code /api/notifications/stream}
 * sends two server-sent events with that silence between them.
 */
public final class RecordingService implements AutoCloseable {

    public static final String REFUSAL = """
            {"type":"https://docs.rapport.example/problems/illegal-transition","title":"Illegal transition",\
            "status":409,"detail":"the referral is SUBMITTED","instance":"/api/referrals/refused",\
            "currentStatus":"SUBMITTED"}""";

    /** Longer than the read timeout GatewayIntegrationTest gives the gateway. */
    public static final Duration SILENCE = Duration.ofSeconds(3);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARTNER = Pattern.compile("^/api/partners/(?!me$)([^/]+)$");

    private final String name;
    private final HttpServer server;
    private final Map<String, Map<String, Object>> partners = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> received = new CopyOnWriteArrayList<>();

    private RecordingService(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        // slow answers and streams must not hold up the others
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "recording-service-" + name);
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    public static RecordingService start(String name) {
        return new RecordingService(name);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void knowsPartner(String partnerId) {
        partners.put(partnerId, Map.of("partnerId", partnerId));
    }

    /** A partner as the referral-service shows it: with its address and language. */
    public void knowsPartner(String partnerId, String email, String language) {
        partners.put(partnerId, Map.of("partnerId", partnerId, "name", "Partner " + partnerId, "email", email,
                "language", language));
    }

    /** Every request received so far, oldest first. */
    public List<Map<String, Object>> received() {
        return List.copyOf(received);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((header, values) ->
                    headers.put(header.toLowerCase(Locale.ROOT), String.join(",", values)));
            String path = exchange.getRequestURI().getPath();
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("service", name);
            echo.put("method", exchange.getRequestMethod());
            echo.put("path", path);
            echo.put("query", exchange.getRequestURI().getRawQuery());
            echo.put("headers", headers);
            echo.put("bodyBytes", body.length);
            received.add(echo);

            Matcher partner = PARTNER.matcher(path);
            if (exchange.getRequestMethod().equals("GET") && partner.matches()) {
                String id = partner.group(1);
                if (partners.containsKey(id)) {
                    send(exchange, 200, "application/json", JSON.writeValueAsBytes(partners.get(id)));
                } else {
                    send(exchange, 404, "application/problem+json", JSON.writeValueAsBytes(Map.of(
                            "type", "https://docs.rapport.example/problems/not-found", "status", 404,
                            "title", "Not found", "detail", "partner " + id + " does not exist")));
                }
                return;
            }
            if (path.equals("/api/notifications/stream")) {
                stream(exchange);
                return;
            }
            if (path.equals("/api/referrals/hang-up")) {
                // closes the connection without a word
                return;
            }
            if (path.equals("/api/referrals/slow")) {
                pause();
                send(exchange, 200, "application/json", JSON.writeValueAsBytes(echo));
                return;
            }
            if (path.equals("/api/referrals/refused")) {
                send(exchange, 409, "application/problem+json", REFUSAL.getBytes());
                return;
            }
            send(exchange, 200, "application/json", JSON.writeValueAsBytes(echo));
        }
    }

    /** Two server-sent events with a silence between them longer than the gateway's read timeout in the tests. */
    private static void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("data: first\n\n".getBytes());
            out.flush();
            pause();
            out.write("data: second\n\n".getBytes());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(SILENCE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
