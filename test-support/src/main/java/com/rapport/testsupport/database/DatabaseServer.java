package com.rapport.testsupport.database;

import de.bwaldvogel.mongo.MongoServer;

import java.nio.file.Path;

/**
 * The local stack's database as its own process: mongo-java-server on {@link CommittingH2Backend}, so a write is in
 * the file before it is acknowledged. Run as {@code DatabaseServer <file> <port>}; it stops (closing the file cleanly)
 * on SIGTERM and when the launcher that started it is gone.
 */
public final class DatabaseServer {

    public static final String READY = "rapport-database ready";

    private DatabaseServer() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        MongoServer server = new MongoServer(CommittingH2Backend.open(file));
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "database-stop"));
        server.bind("127.0.0.1", port);
        // an orphan would hold the port and the file: a launcher killed with -9 takes its database with it
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
        System.out.println(READY + " on 127.0.0.1:" + port + ", file " + file);
    }
}
