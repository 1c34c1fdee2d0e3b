package com.rapport.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.testcontainers.containers.MongoDBContainer;

import java.nio.file.Path;

/**
 * A MongoDB-wire-protocol server: mongo-java-server in this JVM (in memory, or in an H2 file that survives a
 * restart), or a real MongoDB replica set in a container.
 */
public final class MongoServerHandle implements AutoCloseable {

    private final MongoServer embedded;
    private final MongoDBContainer container;
    private final String connectionString;
    private com.mongodb.reactivestreams.client.MongoClient reactiveClient;

    private MongoServerHandle(MongoServer embedded, MongoDBContainer container, String connectionString) {
        this.embedded = embedded;
        this.container = container;
        this.connectionString = connectionString;
    }

    public static MongoServerHandle inMemory(int port) {
        return embedded(new MongoServer(new MemoryBackend()), port);
    }

    /** Data lives in one H2 MVStore file; deleting it wipes the database. */
    public static MongoServerHandle fileBacked(Path file, int port) {
        file.toAbsolutePath().getParent().toFile().mkdirs();
        return embedded(new MongoServer(new H2Backend(file.toAbsolutePath().toString())), port);
    }

    private static MongoServerHandle embedded(MongoServer server, int port) {
        server.bind("127.0.0.1", port);
        return new MongoServerHandle(server, null, "mongodb://127.0.0.1:" + port);
    }

    public static MongoServerHandle container() {
        MongoDBContainer container = new MongoDBContainer("mongo:7.0");
        container.start();
        // the replica-set URL without a database: callers append their own
        String url = container.getReplicaSetUrl();
        return new MongoServerHandle(null, container, url.substring(0, url.lastIndexOf('/')));
    }

    /** {@code mongodb://host:port/<database>}, the value of {@code spring.data.mongodb.uri}. */
    public String uri(String database) {
        return connectionString + "/" + database;
    }

    public String connectionString() {
        return connectionString;
    }

    /**
     * One reactive client for the tests of this JVM that talk to the server with the reactive driver themselves (a
     * {@code ReactiveMongoTemplate} per test class); closed with the server.
     */
    public synchronized com.mongodb.reactivestreams.client.MongoClient reactiveClient() {
        if (reactiveClient == null) {
            reactiveClient = com.mongodb.reactivestreams.client.MongoClients.create(connectionString);
        }
        return reactiveClient;
    }

    @Override
    public synchronized void close() {
        if (reactiveClient != null) {
            reactiveClient.close();
        }
        if (embedded != null) {
            embedded.shutdownNow();
        }
        if (container != null) {
            container.stop();
        }
    }
}
