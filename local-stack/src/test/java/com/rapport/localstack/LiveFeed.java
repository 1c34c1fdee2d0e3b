package com.rapport.localstack;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;

/** A partner's live feed ({@code GET /api/notifications/stream}) read line by line, as the portal reads it. */
final class LiveFeed {

    final List<String> lines = new CopyOnWriteArrayList<>();
    final HttpResponse<InputStream> response;

    private LiveFeed(HttpResponse<InputStream> response) {
        this.response = response;
    }

    static LiveFeed open(String gatewayUrl, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/notifications/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        CompletableFuture<HttpResponse<InputStream>> answer = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        await().atMost(Duration.ofSeconds(20)).until(answer::isDone);
        LiveFeed feed = new LiveFeed(answer.join());
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(feed.response.body(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    feed.lines.add(line);
                }
            } catch (Exception ignored) {
                // the stream ends with the test
            }
        }, "sse-" + gatewayUrl);
        reader.setDaemon(true);
        reader.start();
        return feed;
    }
}
