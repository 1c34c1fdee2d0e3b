package com.rapport.notification.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.rapport.events.referral.MilestoneReachedV1;
import com.rapport.notification.IntegrationTest;
import com.rapport.notification.TestPartner;
import com.rapport.notification.config.StoreProperties;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A partner's inbox: every notification listed once, newest first, page by page; what is stored per partner does not
 * grow with its notifications; a notification a crash left unfiled is filed when its event comes again; an inbox of
 * the old form (one list of ids) is carried over in its order.
 */
class InboxTest extends IntegrationTest {

    @Autowired
    private ReactiveMongoTemplate mongo;

    @Autowired
    private NotificationStore store;

    @Autowired
    private StoreProperties storeProperties;

    @Nested
    class AnInboxOfManyNotifications {

        @Test
        void isListedNewestFirstPageByPageAndStoredAsOneDocumentOfConstantSize() {
            TestPartner partner = TestPartner.register("Ines Many", "en");
            String referral = UUID.randomUUID().toString();
            int told = 60;
            for (int i = 0; i < told; i++) {
                KAFKA.publish(new MilestoneReachedV1(referral, partner.partnerId(), "Milestone " + i, null));
            }
            await().atMost(PATIENCE).until(() -> page(partner, 0, 50).path("total").asInt() == told);

            List<String> listed = new ArrayList<>();
            listed.addAll(names(page(partner, 0, 50)));
            listed.addAll(names(page(partner, 1, 50)));
            assertThat(listed).containsExactlyElementsOf(IntStream.range(0, told).map(i -> told - 1 - i)
                    .mapToObj(i -> "Milestone " + i).toList());
            assertThat(page(partner, 2, 50).path("items")).isEmpty();

            // the list of ids this document used to hold was 2.7 KB at 60 notifications, and grew with each one
            Document inbox = mongo.findById(partner.partnerId(), Document.class, "inboxes").block();
            assertThat(inbox).doesNotContainKey("notificationIds");
            assertThat(((Number) inbox.get("size")).longValue()).isEqualTo(told);
            assertThat(new RawBsonDocument(inbox, new DocumentCodec()).getByteBuffer().remaining()).isLessThan(200);
        }
    }

    @Nested
    class ANotificationWrittenButNotFiled {

        @Test
        void isFiledOnceWhenItsEventComesAgain() {
            TestPartner partner = TestPartner.register("Ines Crashed", "en");
            String eventId = UUID.randomUUID().toString();
            String notificationId = Notification.idOf(eventId, partner.id());
            // what a process killed between writing the notification and filing it leaves behind
            long place = store.nextPlace(partner.id());
            store.insert(written(notificationId, eventId, partner, "Left unfiled", place));
            assertThat(page(partner, 0, 50).path("items")).isEmpty();

            MilestoneReachedV1 event = new MilestoneReachedV1(UUID.randomUUID().toString(), partner.partnerId(),
                    "Again", null);
            KAFKA.publish(eventId, event);
            await().atMost(PATIENCE).until(() -> page(partner, 0, 50).path("items").size() == 1);
            KAFKA.publish(eventId, event);
            KAFKA.publish(new MilestoneReachedV1(UUID.randomUUID().toString(), partner.partnerId(), "After", null));
            await().atMost(PATIENCE).until(() -> page(partner, 0, 50).path("items").size() == 2);

            JsonNode page = page(partner, 0, 50);
            assertThat(page.path("total").asInt()).isEqualTo(2);
            assertThat(page.path("items").get(0).path("body").asText()).contains("After");
            assertThat(page.path("items").get(1).path("subject").asText()).isEqualTo("Left unfiled");
        }
    }

    @Nested
    class APlaceLeftEmptyByAnInstanceThatLostTheRace {

        @Test
        void isNotCountedInTheTotal() {
            TestPartner partner = TestPartner.register("Ines Raced", "en");
            String eventId = UUID.randomUUID().toString();
            String notificationId = Notification.idOf(eventId, partner.id());
            // two instances take a place each for one redelivered event; the first writes it and files it
            long won = store.nextPlace(partner.id());
            long lost = store.nextPlace(partner.id());
            assertThat(store.insert(written(notificationId, eventId, partner, "Raced", won))).isTrue();
            store.fileInInbox(partner.id(), notificationId, won);
            // the second finds it written, files it at the winner's place and leaves its own empty
            assertThat(store.insert(written(notificationId, eventId, partner, "Raced", lost))).isFalse();
            store.fileInInbox(partner.id(), notificationId, store.placeOf(notificationId).orElseThrow());
            store.leaveEmpty(partner.id());

            KAFKA.publish(new MilestoneReachedV1(UUID.randomUUID().toString(), partner.partnerId(), "After", null));
            await().atMost(PATIENCE).until(() -> page(partner, 0, 50).path("items").size() == 2);

            JsonNode page = page(partner, 0, 50);
            assertThat(page.path("total").asInt()).isEqualTo(2);
            assertThat(page.path("items").get(1).path("subject").asText()).isEqualTo("Raced");
        }
    }

    @Nested
    class AnInboxOfTheOldForm {

        @Test
        void keepsItsOrderAndGrowsFromItsEnd() {
            TestPartner partner = TestPartner.register("Ines Old", "en");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String eventId = UUID.randomUUID().toString();
                String notificationId = Notification.idOf(eventId, partner.id());
                store.insert(new Notification(notificationId, eventId, partner.partnerId(), null,
                        "rapport.referral.milestone-reached.v1", "en", "Old " + i, List.of("Told before."),
                        Instant.now(), Map.of(), "{}", null));
                ids.add(notificationId);
            }
            mongo.save(new Document("_id", partner.partnerId()).append("notificationIds", ids), "inboxes").block();

            new InboxMigration(mongo, store, storeProperties).afterPropertiesSet();
            new InboxMigration(mongo, store, storeProperties).afterPropertiesSet(); // a second instance, or a restart

            KAFKA.publish(new MilestoneReachedV1(UUID.randomUUID().toString(), partner.partnerId(), "New", null));
            await().atMost(PATIENCE).until(() -> page(partner, 0, 50).path("total").asInt() == 4);
            JsonNode page = page(partner, 0, 50);
            assertThat(page.path("items").findValuesAsText("subject").subList(1, 4))
                    .containsExactly("Old 2", "Old 1", "Old 0");
            assertThat(page.path("items").get(0).path("body").asText()).contains("New");
            assertThat(store.placeOf(ids.get(2))).contains(2L);
        }
    }

    /** A milestone's notification as the issuer writes it, at this place of the partner's inbox. */
    private static Notification written(String notificationId, String eventId, TestPartner partner, String subject,
                                        long place) {
        return new Notification(notificationId, eventId, partner.partnerId(), null,
                "rapport.referral.milestone-reached.v1", "en", subject, List.of(subject + "."), Instant.now(),
                Map.of(), "{}", place);
    }

    private JsonNode page(TestPartner partner, int page, int size) {
        return web.get().uri("/api/notifications?page=" + page + "&size=" + size)
                .headers(h -> h.setBearerAuth(partner.token()))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static List<String> names(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .map(item -> item.path("body").asText().replaceAll("(?s).*(Milestone \\d+).*", "$1")).toList();
    }
}
