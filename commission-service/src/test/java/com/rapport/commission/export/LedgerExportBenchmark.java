package com.rapport.commission.export;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.rapport.commission.FixedBusinessDay;
import com.rapport.commission.ledger.EntryType;
import com.rapport.commission.ledger.LedgerDocuments;
import com.rapport.commission.ledger.LedgerEntry;
import com.rapport.events.commission.CommissionRole;
import com.rapport.events.money.Money;
import com.rapport.testsupport.FreePorts;
import com.rapport.testsupport.TestInfrastructure;
import com.rapport.testsupport.TestTokens;
import com.rapport.testsupport.database.DatabaseServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports {@code benchmark.entries} (default 1,000,000) ledger entries through {@code GET /api/exports/ledger.csv}
 * of the running service, over HTTP, and reports the time and the service JVM's peak heap. The database is the local
 * stack's (mongo-java-server on its H2 file), in a separate JVM, as the stack runs it. Run it as the README says (it
 * is left out of the normal build by its tag).
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(FixedBusinessDay.class)
class LedgerExportBenchmark {

    private static final int ENTRIES = Integer.getInteger("benchmark.entries", 1_000_000);
    private static final int INSERT_BATCH = 10_000;
    private static final String DATABASE = "rapport-commission-benchmark";
    private static Process database;
    private static Path databaseFile;
    private static String databaseUri;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
        startDatabase();
        TestInfrastructure.shared().register(registry, DATABASE);
        registry.add("spring.data.mongodb.uri", () -> databaseUri);
        TestTokens.shared().register(registry);
        registry.add("spring.kafka.consumer.group-id", () -> "commission-benchmark-" + UUID.randomUUID());
    }

    @AfterAll
    static void stopDatabase() throws IOException, InterruptedException {
        if (database != null) {
            database.destroy();
            if (!database.waitFor(30, TimeUnit.SECONDS)) {
                database.destroyForcibly().waitFor();
            }
            Files.deleteIfExists(databaseFile);
            Files.deleteIfExists(databaseFile.getParent());
        }
    }

    @Test
    void exportsAMillionLedgerEntriesInConstantMemory() throws Exception {
        long seeded = seed();
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        long before = heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);

        Duration databaseCpu = cpuOf(database.toHandle());
        Duration serviceCpu = cpuOf(ProcessHandle.current());
        long started = System.nanoTime();
        long firstLine = 0;
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/exports/ledger.csv"))
                .header("Authorization", "Bearer " + TestTokens.shared().finance()).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long lines = 0;
        long bytes = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (lines == 0) {
                    firstLine = System.nanoTime();
                }
                lines++;
                bytes += line.length() + 2;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        databaseCpu = cpuOf(database.toHandle()).minus(databaseCpu);
        serviceCpu = cpuOf(ProcessHandle.current()).minus(serviceCpu);
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        long max = Runtime.getRuntime().maxMemory();

        // with -Xmx below the size of the CSV, finishing at all shows the export streamed instead of holding the file
        String report = String.format("ledger.csv benchmark: %,d entries (%,d lines, %,d MB of CSV) in %.1f s = %,.0f"
                        + " entries/s (first line after %.1f s); service JVM heap: %,d MB before, peak %,d MB,"
                        + " max (-Xmx) %,d MB; CPU meanwhile: service and client %.1f s, database %.1f s",
                seeded, lines, bytes >> 20, seconds, seeded / seconds, (firstLine - started) / 1e9, before >> 20,
                peak >> 20, max >> 20, serviceCpu.toMillis() / 1e3, databaseCpu.toMillis() / 1e3);
        System.out.println(report);
        Path out = Path.of("target", "benchmark", "ledger-export.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + System.lineSeparator());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(lines).isEqualTo(seeded + 1);
    }

    /** The CPU a process has used so far (user and system, all threads). */
    private static Duration cpuOf(ProcessHandle process) {
        return process.info().totalCpuDuration().orElseThrow();
    }

    private static long seed() {
        try (MongoClient client = MongoClients.create(databaseUri)) {
            MongoCollection<Document> ledger = client.getDatabase(DATABASE).getCollection(LedgerDocuments.LEDGER);
            // the count command: counting by aggregation would hold the million documents in the database's heap
            long existing = ledger.estimatedDocumentCount();
            Instant createdAt = Instant.parse("2026-01-01T00:00:00Z");
            List<Document> batch = new ArrayList<>(INSERT_BATCH);
            for (long i = existing; i < ENTRIES; i++) {
                LocalDate day = LocalDate.parse("2026-01-01").plusDays(i % 365);
                Money amount = Money.of(BigDecimal.valueOf(1 + i % 100_000, 2), "EUR");
                batch.add(LedgerDocuments.toDocument(new LedgerEntry(UUID.randomUUID().toString(),
                        "partner-" + (i % 1_000), "referral-" + (i % 50_000), CommissionRole.INTRODUCER,
                        EntryType.ACCRUAL, amount, new BigDecimal("0.10"), amount, day.plusDays(14),
                        createdAt.plusSeconds(i), "event-" + i, "10% of a payment, \"quoted\", for the benchmark",
                        day, null)));
                if (batch.size() == INSERT_BATCH) {
                    ledger.insertMany(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                ledger.insertMany(batch);
            }
            return ledger.estimatedDocumentCount();
        }
    }

    private static void startDatabase() throws IOException {
        if (database != null) {
            return;
        }
        int mongoPort = FreePorts.next();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        databaseFile = Files.createTempDirectory("ledger-export-benchmark").resolve("database.mv");
        // the local stack's database, with the heap and collector the stack gives it (DatabaseProcess)
        database = new ProcessBuilder(java, "-Xmx" + System.getProperty("benchmark.database-heap", "512m"),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), DatabaseServer.class.getName(),
                databaseFile.toString(), String.valueOf(mongoPort))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader output = new BufferedReader(new InputStreamReader(database.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null && !line.contains(DatabaseServer.READY)) {
            // skip the server's start-up output
        }
        if (line == null) {
            throw new UncheckedIOException(new IOException("the benchmark database did not start"));
        }
        // its log goes on to the test's output; an unread pipe would stop it once full
        Thread log = new Thread(() -> output.lines().forEach(System.out::println), "benchmark-database-log");
        log.setDaemon(true);
        log.start();
        databaseUri = "mongodb://127.0.0.1:" + mongoPort + "/" + DATABASE;
    }
}
