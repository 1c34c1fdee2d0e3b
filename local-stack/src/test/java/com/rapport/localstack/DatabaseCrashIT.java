package com.rapport.localstack;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.rapport.testsupport.FreePorts;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local stack's database process, as the launcher runs it, killed with {@code kill -9} right after its last
 * acknowledged write: every acknowledged write is there when it comes back.
 */
class DatabaseCrashIT {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesAKillMinus9OfTheDatabase() throws Exception {
        int port = FreePorts.next();
        DatabaseProcess database = new DatabaseProcess(dir.resolve("rapport.mv"), port, dir.resolve("database.log"));
        database.start();
        String uri = "mongodb://127.0.0.1:" + port;
        int writers = 4;
        int perWriter = 250;
        try {
            try (MongoClient client = MongoClients.create(uri)) {
                MongoCollection<Document> ledger = client.getDatabase("crash").getCollection("ledger")
                        .withWriteConcern(WriteConcern.ACKNOWLEDGED);
                ledger.insertOne(new Document("_id", "counter").append("value", 0));
                ExecutorService threads = Executors.newFixedThreadPool(writers);
                List<Future<?>> done = new ArrayList<>();
                for (int writer = 0; writer < writers; writer++) {
                    int w = writer;
                    done.add(threads.submit(() -> {
                        for (int i = 0; i < perWriter; i++) {
                            ledger.insertOne(new Document("_id", w + "-" + i).append("writer", w));
                            ledger.updateOne(Filters.eq("_id", "counter"), Updates.inc("value", 1));
                        }
                    }));
                }
                for (Future<?> writer : done) {
                    writer.get();
                }
                threads.shutdown();
                // the very last acknowledged write, then kill -9 at once: no time for any background flush
                ledger.insertOne(new Document("_id", "last"));
                new ProcessBuilder("kill", "-9", String.valueOf(database.process().pid())).start().waitFor();
                database.process().awaitExit();
            }

            database.start();
            try (MongoClient client = MongoClients.create(uri)) {
                MongoCollection<Document> ledger = client.getDatabase("crash").getCollection("ledger");
                assertThat(ledger.countDocuments(Filters.exists("writer"))).isEqualTo((long) writers * perWriter);
                assertThat(ledger.find(Filters.eq("_id", "counter")).first().getInteger("value"))
                        .isEqualTo(writers * perWriter);
                assertThat(ledger.find(Filters.eq("_id", "last")).first()).isNotNull();
            }
        } finally {
            database.close();
        }
    }
}
