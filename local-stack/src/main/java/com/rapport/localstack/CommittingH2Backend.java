package com.rapport.localstack;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;

/**
 * mongo-java-server's H2 backend that writes every change to its file before the reply leaves: the server answers
 * a request on the calling thread, so committing the MVStore here, after the request ran and before it returns, means
 * an acknowledged write is in the file (the operating system's, which a {@code kill -9} of this process does not
 * touch). The stock backend commits about once a second from a background thread, so a crash lost up to a second of
 * acknowledged writes.
 *
 * <p>Group commit comes from the MVStore itself: {@link MVStore#commit()} runs under its store lock and writes every
 * change made until then, so requests finishing while one commit is being written share the next one, and a request
 * that changed nothing finds nothing to write. The background commit is off, so no write is ever half-way in another
 * thread when a commit returns.
 */
final class CommittingH2Backend extends H2Backend {

    private final MVStore store;

    private CommittingH2Backend(MVStore store) {
        super(store);
        this.store = store;
    }

    static CommittingH2Backend open(Path file) {
        file.toAbsolutePath().getParent().toFile().mkdirs();
        return new CommittingH2Backend(new MVStore.Builder().fileName(file.toAbsolutePath().toString())
                .autoCommitDisabled().open());
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        try {
            return super.handleMessage(message);
        } finally {
            store.commit();
        }
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            store.commit();
        }
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        try {
            return super.handleQuery(query);
        } finally {
            store.commit();
        }
    }

    @Override
    public void dropDatabase(String database) {
        try {
            super.dropDatabase(database);
        } finally {
            store.commit();
        }
    }
}
