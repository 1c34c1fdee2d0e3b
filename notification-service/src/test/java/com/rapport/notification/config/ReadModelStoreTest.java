package com.rapport.notification.config;

import com.rapport.notification.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;

import static org.assertj.core.api.Assertions.assertThat;

/** The read models have one way to the store: ReactiveMongoTemplate (waited on only off the event loops). */
class ReadModelStoreTest extends IntegrationTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void theServiceHasNoBlockingMongoTemplate() {
        assertThat(context.getBeanNamesForType(MongoOperations.class)).isEmpty();
        assertThat(context.getBeanNamesForType(ReactiveMongoOperations.class)).isNotEmpty();
    }
}
