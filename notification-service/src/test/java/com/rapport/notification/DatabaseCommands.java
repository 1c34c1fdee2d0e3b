package com.rapport.notification;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The reads by id this service sent to its database, as its driver sent them: a test counts what handling an event
 * asked of the store. Only {@code find}s with an {@code _id} in their filter are kept (as collection/id).
 */
public final class DatabaseCommands implements CommandListener {

    private final Queue<String> findsById = new ConcurrentLinkedQueue<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (!"find".equals(event.getCommandName())) {
            return;
        }
        // the command is only readable during this call
        BsonDocument command = event.getCommand();
        BsonValue id = command.getDocument("filter", new BsonDocument()).get("_id");
        if (id != null && id.isString()) {
            findsById.add(command.getString("find").getValue() + "/" + id.asString().getValue());
        }
    }

    /** How many times the document {@code id} of {@code collection} was read by its id. */
    public long findsById(String collection, String id) {
        String key = collection + "/" + id;
        return findsById.stream().filter(key::equals).count();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        DatabaseCommands databaseCommands() {
            return new DatabaseCommands();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer recordedDatabaseCommands(DatabaseCommands commands) {
            return settings -> settings.addCommandListener(commands);
        }
    }
}
