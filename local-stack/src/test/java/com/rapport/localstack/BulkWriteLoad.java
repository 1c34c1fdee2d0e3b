package com.rapport.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * What commission-service's ledger asks of the database in a rebuild, N times: one ordered bulk of 50 ledger entries
 * (replaced by their random ids, inserting them) and one of 50 updates of the referrals' open commissions (half of
 * them new). Prints the time per pair of bulks every 1,000 pairs and overall: a database whose bulks cost more as the
 * collections grow shows it in the slices. {@code ops/bench/database-pair.sh} runs it with {@code LOAD=BulkWriteLoad}.
 *
 * <pre>java -cp "local-stack/target/test-classes:local-stack/target/lib/*" com.rapport.localstack.BulkWriteLoad PORT PAIRS</pre>
 */
final class BulkWriteLoad {

    private static final int PER_BULK = 50;
    private static final int SLICE = 1000;

    private BulkWriteLoad() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int pairs = Integer.parseInt(args[1]);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoDatabase db = client.getDatabase("bench");
            MongoCollection<Document> ledger = db.getCollection("ledger_entries");
            MongoCollection<Document> open = db.getCollection("referral_commissions");
            Random random = new Random(42);
            int referrals = 0;
            long start = System.nanoTime();
            long slice = start;
            for (int pair = 1; pair <= pairs; pair++) {
                List<WriteModel<Document>> entries = new ArrayList<>();
                List<WriteModel<Document>> commissions = new ArrayList<>();
                for (int i = 0; i < PER_BULK; i++) {
                    Document entry = entry(UUID.randomUUID().toString());
                    entries.add(new ReplaceOneModel<>(Filters.eq("_id", entry.getString("_id")), entry,
                            new ReplaceOptions().upsert(true)));
                    String referral = "referral-" + (i % 2 == 0 ? referrals++ : random.nextInt(Math.max(1, referrals)));
                    commissions.add(new UpdateOneModel<>(Filters.eq("_id", referral),
                            Updates.set("earned", money("1.00")), new UpdateOptions().upsert(true)));
                }
                ledger.bulkWrite(entries, new BulkWriteOptions().ordered(true));
                open.bulkWrite(commissions, new BulkWriteOptions().ordered(true));
                if (pair % SLICE == 0) {
                    long now = System.nanoTime();
                    System.out.printf("%d pairs: %.1f ms per pair of bulks (last %d)%n", pair,
                            (now - slice) / 1e6 / SLICE, SLICE);
                    slice = now;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%d pairs of bulks in %.1f s: %.1f ms per pair%n", pairs, seconds, seconds * 1e3 / pairs);
        }
    }

    private static Document entry(String id) {
        return new Document("_id", id).append("partnerId", UUID.randomUUID().toString())
                .append("referralId", UUID.randomUUID().toString()).append("role", "INTRODUCER")
                .append("type", "ACCRUAL").append("amount", money("123.45")).append("currency", "EUR")
                .append("rate", "0.05").append("basis", money("2469.00")).append("payableAt", "2026-12-03")
                .append("occurredOn", "2026-12-03").append("createdAt", new Date())
                .append("sourceEventId", UUID.randomUUID().toString())
                .append("explanation", "5% of EUR 2,469.00 received on 2026-12-03 (instalment 2 of 3), introducer "
                        + "rate locked at contract, plan standard v1, tier 1");
    }

    private static Document money(String amount) {
        return new Document("amount", new Decimal128(new BigDecimal(amount))).append("currency", "EUR");
    }
}
