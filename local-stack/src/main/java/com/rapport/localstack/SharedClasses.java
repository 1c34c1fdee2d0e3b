package com.rapport.localstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Class-data sharing for a service: its executable jar extracted as Spring Boot's tools extract it (the application's
 * jar with its libraries beside it, which the JVM can archive, unlike classes nested in a jar), and an archive of the
 * classes a clean run of it loaded, which later starts map instead of loading, verifying and linking them again.
 * Start-up is mostly that work, and on a busy two-core machine it sets how soon a restarted service is back.
 *
 * <p>The first run of a build records the archive when it stops cleanly ({@code -XX:ArchiveClassesAtExit}); a run
 * killed with {@code kill -9} records nothing. A new jar (or JDK) is extracted again and records again. An archive the
 * JVM cannot use (other options) is ignored by it, and the service starts as without one.
 */
final class SharedClasses {

    private static final Logger log = LoggerFactory.getLogger(SharedClasses.class);
    private static final int KILLED = 128 + 9;
    /** One extraction at a time per service: two instances of it launch from the same stack. */
    private static final Map<Path, Object> EXTRACTING = new ConcurrentHashMap<>();

    private final Path runnable;
    private final Path archive;

    private SharedClasses(Path runnable, Path archive) {
        this.runnable = runnable;
        this.archive = archive;
    }

    /** The service's jar extracted into {@code <jar's directory>/cds/<jar's name>}, again if the jar or JDK changed. */
    static SharedClasses of(Path jar) {
        String module = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        Path dir = jar.toAbsolutePath().getParent().resolve("cds").resolve(module);
        synchronized (EXTRACTING.computeIfAbsent(dir, key -> new Object())) {
            try {
                String source = source(jar);
                Path stamp = dir.resolve("source");
                if (!Files.isRegularFile(stamp) || !Files.readString(stamp).equals(source)) {
                    extract(jar, dir);
                    Files.writeString(stamp, source);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot extract " + jar + " for class-data sharing", e);
            }
        }
        return new SharedClasses(dir.resolve(jar.getFileName()), dir.resolve(module + ".jsa"));
    }

    /** The jar to run. */
    Path runnable() {
        return runnable;
    }

    /**
     * The JVM options of one launch: the archive if a clean run recorded one, else recording one into
     * {@code recording} (a file of this launch's own: two instances may record at once).
     */
    List<String> options(Path recording) {
        String archiving = Files.isRegularFile(archive)
                ? "-XX:SharedArchiveFile=" + archive
                : "-XX:ArchiveClassesAtExit=" + recording;
        return List.of(archiving, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** A file for {@link #options} to record into. */
    Path recording() {
        return archive.resolveSibling(archive.getFileName() + "." + UUID.randomUUID() + ".recording");
    }

    /** After a launch that recorded: keeps what a clean stop wrote, drops what a killed one left half-written. */
    void keep(Path recording, int exitCode) {
        try {
            if (exitCode != KILLED && Files.isRegularFile(recording) && Files.size(recording) > 0) {
                Files.move(recording, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                log.info("Recorded the classes of {} for class-data sharing: {}", runnable.getFileName(), archive);
            } else {
                Files.deleteIfExists(recording);
            }
        } catch (IOException e) {
            log.warn("Could not keep the class-data archive {}; the next start records again", recording, e);
        }
    }

    private static String source(Path jar) throws IOException {
        return Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() + " "
                + System.getProperty("java.vm.version");
    }

    /**
     * {@code java -Djarmode=tools -jar <jar> extract}, into a fresh directory of this call's own (another stack of
     * the same checkout may be extracting too) that then replaces the old one.
     */
    private static void extract(Path jar, Path dir) throws IOException {
        Path fresh = dir.resolveSibling(dir.getFileName() + "." + UUID.randomUUID() + ".extracting");
        Process tools = new ProcessBuilder(ChildProcess.javaExecutable(), "-Djarmode=tools", "-jar", jar.toString(),
                "extract", "--destination", fresh.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!tools.waitFor(2, TimeUnit.MINUTES)) {
                tools.destroyForcibly();
                throw new IOException("extracting " + jar + " took more than two minutes");
            }
            if (tools.exitValue() != 0) {
                throw new IOException("extracting " + jar + " failed (exit " + tools.exitValue() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tools.destroyForcibly();
            throw new IOException("interrupted while extracting " + jar, e);
        }
        delete(dir);
        try {
            Files.move(fresh, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException anotherExtractionWon) {
            delete(fresh);
            if (!Files.isDirectory(dir)) {
                throw anotherExtractionWon;
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
