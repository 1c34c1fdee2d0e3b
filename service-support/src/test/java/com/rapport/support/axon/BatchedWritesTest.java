package com.rapport.support.axon;

import com.mongodb.reactivestreams.client.MongoClient;
import com.rapport.testsupport.TestInfrastructure;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** A tracking read model's writes go out once per batch, in order, before the token would move. */
class BatchedWritesTest {

    record Entry(@Id String id, String text, int version) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final MongoClient client = TestInfrastructure.shared().mongo().reactiveClient();

    private final ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "batched-" + UUID.randomUUID());
    private final BatchedWrites writes = new BatchedWrites(mongo, TIMEOUT, "entries");


    @Nested
    class InABatch {

        @Test
        void nothingIsWrittenBeforeTheLastMessageThenEverythingInTheOrderItCame() {
            List<Boolean> storedWhileHandling = new ArrayList<>();
            BatchingUnitOfWork<EventMessage<?>> batch = batchOf(3);
            batch.execute(() -> {
                int number = (Integer) batch.getMessage().getPayload();
                if (number == 0) {
                    writes.replace("e1", new Entry("e1", "first", 1));
                }
                if (number == 1) {
                    writes.updateFirst(Query.query(Criteria.where("_id").is("e1")), Update.update("version", 2),
                            Entry.class);
                    storedWhileHandling.add(stored("e1") != null);
                }
                if (number == 2) {
                    writes.updateFirst(Query.query(Criteria.where("_id").is("e1")), Update.update("text", "last"),
                            Entry.class);
                    // the last message's held write sends everything: the token step Axon registers now comes after
                    storedWhileHandling.add(stored("e1") != null);
                }
            });

            assertThat(storedWhileHandling).containsExactly(false, true);
            assertThat(stored("e1")).isEqualTo(new Entry("e1", "last", 2));
        }

        @Test
        void writesHeldOnEarlierMessagesOnlyAreSentBeforeAPrepareCommitStepRegisteredOnTheLastMessage() {
            List<Boolean> storedAtTokenStep = new ArrayList<>();
            BatchingUnitOfWork<EventMessage<?>> batch = batchOf(2);
            batch.execute(() -> {
                if (batch.isFirstMessage()) {
                    writes.replace("e2", new Entry("e2", "only", 1));
                } else {
                    // where Axon registers the step that stores the token
                    batch.onPrepareCommit(unitOfWork -> storedAtTokenStep.add(stored("e2") != null));
                }
            });

            assertThat(storedAtTokenStep).containsExactly(true);
        }

        @Test
        void aHandlerReadsWhatAnEarlierEventOfItsBatchReplacedBeforeItIsStored() {
            mongo.insert(new Entry("e3", "stored", 1)).block(TIMEOUT);
            List<Entry> read = new ArrayList<>();
            BatchingUnitOfWork<EventMessage<?>> batch = batchOf(3);
            batch.execute(() -> {
                Entry current = writes.find("e3", Entry.class);
                read.add(current);
                writes.replace("e3", new Entry("e3", current.text() + "+", current.version() + 1));
            });

            assertThat(read).extracting(Entry::version).containsExactly(1, 2, 3);
            assertThat(stored("e3")).isEqualTo(new Entry("e3", "stored+++", 4));
            assertThat(writes.find("absent", Entry.class)).isNull();
        }

        @Test
        void upsertsAndRemovalsAreHeldAndSentInOrderWithTheRest() {
            mongo.insert(new Entry("paid", "stored", 1)).block(TIMEOUT);
            List<Boolean> removedWhileHandling = new ArrayList<>();
            BatchingUnitOfWork<EventMessage<?>> batch = batchOf(4);
            batch.execute(() -> {
                int number = (Integer) batch.getMessage().getPayload();
                switch (number) {
                    case 0 -> writes.upsert(Query.query(Criteria.where("_id").is("terms")),
                            Update.update("text", "agreed").set("version", 1), Entry.class);
                    case 1 -> writes.upsert(Query.query(Criteria.where("_id").is("terms")),
                            Update.update("version", 2), Entry.class);
                    case 2 -> {
                        writes.remove(Query.query(Criteria.where("_id").in("paid", "terms")), Entry.class);
                        removedWhileHandling.add(stored("paid") == null);
                    }
                    default -> writes.replace("terms", new Entry("terms", "after the removal", 3));
                }
            });

            assertThat(removedWhileHandling).containsExactly(false);
            assertThat(stored("paid")).isNull();
            assertThat(stored("terms")).isEqualTo(new Entry("terms", "after the removal", 3));
        }

        @Test
        void manyWritesGoOutAsOneBulkPerCollection() {
            BatchingUnitOfWork<EventMessage<?>> batch = batchOf(100);
            batch.execute(() -> {
                int number = (Integer) batch.getMessage().getPayload();
                writes.replace("n" + number, new Entry("n" + number, "entry", number));
            });

            assertThat(mongo.count(new Query(), Entry.class).block(TIMEOUT)).isEqualTo(100);
        }

        @Test
        void aFailedBulkFailsTheBatch() {
            mongo.insert(new Entry("taken", "x", 1)).block(TIMEOUT);
            BatchingUnitOfWork<EventMessage<?>> batch = batchOf(2);

            assertThatThrownBy(() -> batch.execute(() -> {
                if (batch.isFirstMessage()) {
                    // $inc on a string cannot apply
                    writes.updateFirst(Query.query(Criteria.where("_id").is("taken")), new Update().inc("text", 1),
                            Entry.class);
                }
            })).isInstanceOf(RuntimeException.class);
        }
    }

    @Nested
    class ADocumentPerAggregate {

        private final ReactiveMongoTemplate counted = Mockito.spy(mongo);
        private final BatchedWrites perAggregate = new BatchedWrites(counted, TIMEOUT, "per-aggregate");

        @Test
        void aBatchReadsTheDocumentsOfAllItsAggregatesInOneRequest() {
            mongo.insert(new Entry("a1", "stored", 1)).block(TIMEOUT);
            mongo.insert(new Entry("a2", "stored", 1)).block(TIMEOUT);
            List<Entry> read = new ArrayList<>();
            BatchingUnitOfWork<EventMessage<?>> batch = batchOfEventsFrom("a1", "a2", "a3", "a1");
            batch.execute(() -> {
                String aggregate = ((GenericDomainEventMessage<?>) batch.getMessage()).getAggregateIdentifier();
                Entry current = perAggregate.findOfAggregate(aggregate, Entry.class);
                read.add(current);
                if (current != null) {
                    perAggregate.replace(aggregate, new Entry(aggregate, "changed", current.version() + 1));
                }
            });

            // the second a1 sees what the first one replaced; a3 has no document
            assertThat(read).containsExactly(new Entry("a1", "stored", 1), new Entry("a2", "stored", 1), null,
                    new Entry("a1", "changed", 2));
            verify(counted, times(1)).find(any(Query.class), eq(Entry.class));
            verify(counted, never()).findById(any(), eq(Entry.class));
            assertThat(stored("a1")).isEqualTo(new Entry("a1", "changed", 3));
        }

        @Test
        void aDocumentOfAnotherAggregateOrOutsideABatchIsReadOnItsOwn() {
            mongo.insert(new Entry("elsewhere", "stored", 1)).block(TIMEOUT);
            List<Entry> read = new ArrayList<>();
            BatchingUnitOfWork<EventMessage<?>> batch = batchOfEventsFrom("a1");
            batch.execute(() -> read.add(perAggregate.findOfAggregate("elsewhere", Entry.class)));

            assertThat(read).containsExactly(new Entry("elsewhere", "stored", 1));
            assertThat(perAggregate.findOfAggregate("elsewhere", Entry.class)).isEqualTo(read.get(0));
            verify(counted, times(2)).findById("elsewhere", Entry.class);
        }

        private static BatchingUnitOfWork<EventMessage<?>> batchOfEventsFrom(String... aggregates) {
            return new BatchingUnitOfWork<>(IntStream.range(0, aggregates.length)
                    .<EventMessage<?>>mapToObj(i -> new GenericDomainEventMessage<>("Entry", aggregates[i], i, i))
                    .toList());
        }
    }

    @Test
    void outsideABatchAWriteIsSentAtOnce() {
        writes.replace("now", new Entry("now", "at once", 1));
        assertThat(stored("now")).isEqualTo(new Entry("now", "at once", 1));

        writes.upsert(Query.query(Criteria.where("_id").is("upserted")), Update.update("version", 7), Entry.class);
        assertThat(stored("upserted")).isEqualTo(new Entry("upserted", null, 7));

        writes.remove(Query.query(Criteria.where("_id").is("now")), Entry.class);
        assertThat(stored("now")).isNull();
    }

    private static BatchingUnitOfWork<EventMessage<?>> batchOf(int messages) {
        return new BatchingUnitOfWork<>(IntStream.range(0, messages)
                .<EventMessage<?>>mapToObj(GenericEventMessage::asEventMessage).toList());
    }

    private Entry stored(String id) {
        return mongo.findById(id, Entry.class).block(TIMEOUT);
    }
}
