package com.rapport.localstack;

import com.rapport.testsupport.database.DatabaseServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The launcher's handle on {@link DatabaseServer}, run as its own JVM from this launcher's classpath. */
final class DatabaseProcess implements SupervisedChild {

    private final Path file;
    private final int port;
    private final Path logFile;
    private volatile ChildProcess process;

    DatabaseProcess(Path file, int port, Path logFile) {
        this.file = file;
        this.port = port;
        this.logFile = logFile;
    }

    @Override
    public void start() throws InterruptedException {
        process = ChildProcess.java("database", List.of("-Xmx512m", "-XX:+UseSerialGC"),
                DatabaseServer.class.getName(), List.of(file.toString(), String.valueOf(port)), Map.of(), logFile);
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the database exited during start; last lines of " + logFile + ":\n"
                        + process.tail(20));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the database did not listen on " + port + " within a minute, see " + logFile);
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public ChildProcess process() {
        return process;
    }

    /** Kills the database without warning, as a crash or {@code kill -9} would. */
    void kill() {
        if (process != null) {
            process.kill();
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop(Duration.ofSeconds(15));
        }
    }
}
