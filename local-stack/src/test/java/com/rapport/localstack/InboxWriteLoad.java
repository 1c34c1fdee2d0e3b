package com.rapport.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * What filing one notification in its partner's inbox asks of the database, in both forms, side by side in one run on
 * one database: the old one (the partner's document holds every id, {@code $addToSet} one more) and places (the
 * partner's counter {@code $inc}, one entry inserted). Each notification is also inserted itself, as the service
 * does. Writes alternate in slices of 1,000 between two partners, one per form, and each slice's time per
 * notification is printed: a form whose cost grows with the partner's notifications shows it slice by slice.
 *
 * <p>{@code ops/bench/inbox-forms.sh N} starts a fresh database and runs it.
 */
final class InboxWriteLoad {

    private static final int SLICE = 1000;

    private InboxWriteLoad() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int notifications = Integer.parseInt(args[1]);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoDatabase db = client.getDatabase("bench");
            MongoCollection<Document> written = db.getCollection("notifications");
            MongoCollection<Document> inboxes = db.getCollection("inboxes");
            MongoCollection<Document> entries = db.getCollection("inbox-entries");
            String listPartner = UUID.randomUUID().toString();
            String placesPartner = UUID.randomUUID().toString();
            long[] total = new long[2];
            for (int done = 0; done < notifications; done += SLICE) {
                long start = System.nanoTime();
                for (int i = 0; i < SLICE; i++) {
                    String id = UUID.randomUUID().toString();
                    written.insertOne(notification(id, listPartner));
                    inboxes.updateOne(Filters.eq("_id", listPartner), Updates.addToSet("notificationIds", id),
                            new UpdateOptions().upsert(true));
                }
                long list = System.nanoTime() - start;
                start = System.nanoTime();
                for (int i = 0; i < SLICE; i++) {
                    String id = UUID.randomUUID().toString();
                    Document inbox = inboxes.findOneAndUpdate(Filters.eq("_id", placesPartner),
                            Updates.inc("size", 1L), new FindOneAndUpdateOptions().upsert(true)
                                    .returnDocument(ReturnDocument.AFTER));
                    long place = inbox.getLong("size") - 1;
                    written.insertOne(notification(id, placesPartner).append("inboxPosition", place));
                    entries.insertOne(new Document("_id", placesPartner + "/" + place).append("notificationId", id));
                }
                long places = System.nanoTime() - start;
                total[0] += list;
                total[1] += places;
                System.out.printf("notifications %6d-%6d of one partner: list %.2f ms, places %.2f ms per notification"
                        + "%n", done + 1, done + SLICE, list / 1e6 / SLICE, places / 1e6 / SLICE);
            }
            System.out.printf("%d notifications of one partner: list %.2f ms, places %.2f ms per notification "
                            + "(places / list = %.2f)%n", notifications, total[0] / 1e6 / notifications,
                    total[1] / 1e6 / notifications, (double) total[1] / total[0]);
        }
    }

    private static Document notification(String id, String partnerId) {
        return new Document("_id", id).append("eventId", UUID.randomUUID().toString()).append("partnerId", partnerId)
                .append("referralId", UUID.randomUUID().toString())
                .append("eventType", "rapport.referral.payment-received.v1").append("language", "en")
                .append("subject", "Payment received from Acme GmbH")
                .append("paragraphs", List.of("Hello Alice Martin,", "Acme GmbH paid €3,333.33 (deposit) on "
                        + "November 21, 2026.", "Your commission: €333.33."))
                .append("createdAt", new Date()).append("cloudEvent", "{\"specversion\":\"1.0\"}".repeat(20));
    }
}
