package com.rapport.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/** A JVM started by the stack, its output appended to a log file, stopped politely (SIGTERM) then firmly. */
final class ChildProcess {

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /** {@code java <jvm> -cp <this launcher's classpath> <mainClass> <args>} */
    static ChildProcess java(String name, List<String> jvm, String mainClass, List<String> args,
                             Map<String, String> env, Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvm);
        command.addAll(flightRecording(name));
        command.add("-cp");
        command.add(launcherClasspath());
        command.add(mainClass);
        command.addAll(args);
        return start(name, command, env, logFile);
    }

    /** {@code java <jvm> -jar <jar>} */
    static ChildProcess jar(String name, List<String> jvm, Path jar, Map<String, String> env, Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvm);
        command.addAll(flightRecording(name));
        command.add("-jar");
        command.add(jar.toString());
        return start(name, command, env, logFile);
    }

    /** Any command, e.g. for tests of the supervision. */
    static ChildProcess command(String name, List<String> command, Path logFile) {
        return start(name, command, Map.of(), logFile);
    }

    private static ChildProcess start(String name, List<String> command, Map<String, String> env, Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(env);
            return new ChildProcess(name, builder.start(), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }

    /** Waits until the process ends and returns its exit code; -1 when interrupted. */
    int awaitExit() {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Runs {@code then} with the exit code once the process has ended, however it ended; done when it has run. */
    CompletableFuture<Void> onExit(IntConsumer then) {
        return process.onExit().thenAccept(ended -> then.accept(ended.exitValue()));
    }

    void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (waitFor(grace) == -1) {
            process.destroyForcibly();
        }
    }

    /** Kills without warning, as a crash or {@code kill -9} would. */
    void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** The last lines of the log, to say why something did not start. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * With {@code RAPPORT_JFR=<dir>}, every JVM of the stack records a Java Flight Recording (the {@code profile}
     * settings: method samples every 10 ms, allocations, locks, I/O) into {@code <dir>/<name>-<start>.jfr}, written
     * when the process stops; read it with {@code jfr print --events jdk.ExecutionSample} or JDK Mission Control.
     */
    static List<String> flightRecording(String name) {
        String dir = System.getenv("RAPPORT_JFR");
        if (dir == null || dir.isBlank()) {
            return List.of();
        }
        Path file = Path.of(dir).toAbsolutePath()
                .resolve(name.replaceAll("[^A-Za-z0-9-]", "_") + "-" + System.currentTimeMillis() + ".jfr");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent() + " for RAPPORT_JFR", e);
        }
        return List.of("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + file);
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The classpath this launcher runs with. Started as {@code java -jar local-stack.jar}, the JVM reports only the
     * jar; its dependencies are the {@code lib/} directory next to it (the jar's manifest Class-Path).
     */
    private static String launcherClasspath() {
        String classpath = System.getProperty("java.class.path");
        try {
            Path self = Path.of(ChildProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path lib = self.getParent().resolve("lib");
            if (Files.isRegularFile(self) && Files.isDirectory(lib)) {
                return self + File.pathSeparator + lib + File.separator + "*";
            }
        } catch (URISyntaxException | RuntimeException ignored) {
            // fall back to the reported classpath
        }
        return classpath;
    }
}
