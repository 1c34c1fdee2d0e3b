package com.rapport.commission.export;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The benchmark's database in a JVM of its own, so that the peak heap measured in the service's JVM is the
 * service's and not the million stored documents'. Runs until its standard input is closed.
 */
public final class BenchmarkMongoServer {

    public static final String READY = "benchmark-mongo-ready";

    private BenchmarkMongoServer() {
    }

    public static void main(String[] args) throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", Integer.parseInt(args[0]));
        System.out.println(READY);
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the parent to close our input
        }
        server.shutdownNow();
    }
}
