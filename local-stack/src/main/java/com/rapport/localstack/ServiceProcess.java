package com.rapport.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One Rapport service, run from its executable jar exactly as {@code java -jar} would in production. */
final class ServiceProcess implements AutoCloseable {

    /** How long a service may take to finish what it is doing after SIGTERM before it is killed. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final String module;
    private final Path jar;
    private final int port;
    private final Map<String, String> env;
    private final Path logFile;
    private ChildProcess process;

    ServiceProcess(String module, Path jar, int port, Map<String, String> env, Path logFile) {
        this.module = module;
        this.jar = jar;
        this.port = port;
        this.env = env;
        this.logFile = logFile;
    }

    void start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (mvn -DskipTests package)");
        }
        List<String> jvm = new ArrayList<>(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xss512k"));
        String extra = System.getenv("RAPPORT_SERVICE_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            jvm.addAll(List.of(extra.trim().split("\\s+")));
        }
        process = ChildProcess.jar(module, jvm, jar, env, logFile);
    }

    /** Waits until {@code /actuator/health} answers UP. */
    void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(3)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited during start; last lines of " + logFile + ":\n"
                        + process.tail(40));
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(module + " was not healthy within " + timeout + "; last lines of " + logFile
                + ":\n" + process.tail(40));
    }

    String module() {
        return module;
    }

    int port() {
        return port;
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Kills the JVM without a chance to clean up, as a crash would. */
    void kill() {
        if (process != null) {
            process.kill();
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop(STOP_GRACE);
        }
    }
}
