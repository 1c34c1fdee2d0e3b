package com.rapport.testsupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis: the machine's {@code redis-server} (Debian's package) started as a child process on a free port,
 * with nothing written to disk ({@code --save '' --appendonly no}), and stopped when the JVM exits. There is no
 * embedded Redis in Java; tests that need one ask {@link #shared()} and skip, saying why, when the binary is absent.
 */
public final class RedisServerHandle implements AutoCloseable {

    public static final String BINARY = "redis-server";
    /** Why a test that needs Redis was skipped. */
    public static final String MISSING = "redis-server is not installed (apt-get install -y redis-server): "
            + "the tests against a real Redis are skipped";

    private static final Logger log = LoggerFactory.getLogger(RedisServerHandle.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);
    private static final int ATTEMPTS = 3;
    private static volatile RedisServerHandle shared;

    private final Process process;
    private final int port;
    private final Path logFile;

    private RedisServerHandle(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /** The binary on the PATH (or in the usual Debian places), if installed. */
    public static Optional<Path> binary() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String directory : path.split(java.io.File.pathSeparator)) {
                if (!directory.isBlank()) {
                    candidates.add(Path.of(directory, BINARY));
                }
            }
        }
        candidates.add(Path.of("/usr/bin", BINARY));
        candidates.add(Path.of("/usr/sbin", BINARY));
        candidates.add(Path.of("/usr/local/bin", BINARY));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    public static boolean isInstalled() {
        return binary().isPresent();
    }

    /** This JVM's one Redis, started on first use; empty when {@code redis-server} is not installed. */
    public static Optional<RedisServerHandle> shared() {
        if (shared == null) {
            synchronized (RedisServerHandle.class) {
                if (shared == null) {
                    Optional<Path> binary = binary();
                    if (binary.isEmpty()) {
                        return Optional.empty();
                    }
                    RedisServerHandle started = start(binary.get());
                    Runtime.getRuntime().addShutdownHook(new Thread(started::close, "redis-server-stop"));
                    shared = started;
                }
            }
        }
        return Optional.of(shared);
    }

    /** A new server of its own (the caller stops it); a port taken meanwhile by someone else is tried again. */
    public static RedisServerHandle start(Path binary) {
        IllegalStateException failure = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return startOn(binary, FreePorts.next());
            } catch (IllegalStateException e) {
                failure = e;
            }
        }
        throw failure;
    }

    private static RedisServerHandle startOn(Path binary, int port) {
        try {
            Path directory = Files.createTempDirectory("redis-test-");
            Path logFile = directory.resolve("redis.log");
            Process process = new ProcessBuilder(binary.toString(),
                    "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--daemonize", "no",
                    "--dir", directory.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            RedisServerHandle handle = new RedisServerHandle(process, port, logFile);
            handle.awaitReady();
            log.info("redis-server (pid {}) up on 127.0.0.1:{}", process.pid(), port);
            return handle;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server stopped at once on port " + port + ": " + output());
            }
            if (answersPing()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException("redis-server did not answer on port " + port + ": " + output());
    }

    /** True when the server answers PING now. */
    public boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return "+PONG".equals(answer);
        } catch (IOException e) {
            return false;
        }
    }

    private String output() {
        try {
            return Files.readString(logFile);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** Points a Spring test context at this server through the standard properties. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", this::host);
        registry.add("spring.data.redis.port", this::port);
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
