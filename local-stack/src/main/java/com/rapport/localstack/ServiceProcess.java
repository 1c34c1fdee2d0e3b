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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One Rapport service, run with {@code java -jar} as in production: from its executable jar extracted for class-data
 * sharing ({@link SharedClasses}, as Spring Boot recommends for a faster start), or from the jar itself with
 * {@code RAPPORT_CDS=off}.
 */
final class ServiceProcess implements SupervisedChild {

    /** How long a service may take to finish what it is doing after SIGTERM before it is killed. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    /**
     * For a long-running service: both JIT tiers and the parallel, throughput-first collector on a heap sized once.
     * Four services starting at once on two cores spend about twice the CPU with C2 as with C1 alone, mostly compiling
     * start-up code that never runs again; C2 therefore takes a method only after ten times the usual number of calls
     * (hot request paths reach that within seconds of traffic). Measured: about 46 s of CPU for the four services to
     * become healthy, against 61 s with the JVM's thresholds and 30 s with C1 only.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xms384m", "-Xmx384m", "-XX:+UseParallelGC", "-Xss512k",
            "-XX:Tier4InvocationThreshold=50000", "-XX:Tier4MinInvocationThreshold=6000",
            "-XX:Tier4CompileThreshold=150000", "-XX:Tier4BackEdgeThreshold=400000");

    private final String module;
    private final Path jar;
    private final int port;
    private final Map<String, String> env;
    private final Path logFile;
    private volatile ChildProcess process;
    private volatile CompletableFuture<Void> exited = CompletableFuture.completedFuture(null);

    ServiceProcess(String module, Path jar, int port, Map<String, String> env, Path logFile) {
        this.module = module;
        this.jar = jar;
        this.port = port;
        this.env = env;
        this.logFile = logFile;
    }

    /** Starts the JVM and returns at once; {@link #awaitHealthy} waits for it. */
    void launch() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (mvn -DskipTests package)");
        }
        List<String> jvm = new ArrayList<>(JVM_OPTIONS);
        String extra = System.getenv("RAPPORT_SERVICE_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            jvm.addAll(List.of(extra.trim().split("\\s+")));
        }
        // a restart right after a stop: what that run recorded is kept before this one decides whether to record
        awaitRecordingKept();
        if ("off".equals(System.getenv("RAPPORT_CDS"))) {
            process = ChildProcess.jar(module, jvm, jar, env, logFile);
            exited = CompletableFuture.completedFuture(null);
            return;
        }
        SharedClasses shared = SharedClasses.of(jar);
        Path recording = shared.recording();
        jvm.addAll(shared.options(recording));
        ChildProcess started = ChildProcess.jar(module, jvm, shared.runnable(), env, logFile);
        exited = started.onExit(exitCode -> shared.keep(recording, exitCode));
        process = started;
    }

    /** Starts the JVM and waits until it is healthy. */
    @Override
    public void start() throws InterruptedException {
        launch();
        awaitHealthy(START_TIMEOUT);
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

    /**
     * Waits until the service answers UP again after a crash, however often the supervisor has to start it; throws
     * once the supervisor gave up.
     */
    void awaitBack(Duration timeout, Supervisor supervisor) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (supervisor.gaveUp() != null) {
                throw new IllegalStateException(module + " is down for good: " + supervisor.gaveUp());
            }
            if (isAlive() && isHealthy(http)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(module + " was not back within " + timeout);
    }

    private boolean isHealthy(HttpClient http) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(3)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (java.io.IOException notYet) {
            return false;
        }
    }

    @Override
    public String name() {
        return module;
    }

    @Override
    public ChildProcess process() {
        return process;
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

    /** Stops the JVM politely; returns once it is gone and what it recorded for class-data sharing is kept. */
    @Override
    public void close() {
        if (process != null) {
            process.stop(STOP_GRACE);
            awaitRecordingKept();
        }
    }

    /** Once the last run has ended: until its class-data recording is kept or dropped ({@link SharedClasses#keep}). */
    private void awaitRecordingKept() {
        if (process == null || !process.isAlive()) {
            exited.orTimeout(10, TimeUnit.SECONDS).exceptionally(late -> null).join();
        }
    }
}
