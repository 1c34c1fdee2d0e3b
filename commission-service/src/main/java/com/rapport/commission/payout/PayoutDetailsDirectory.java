package com.rapport.commission.payout;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Where each partner wants to be paid. Kept as plain current state (the last value wins), not event-sourced: it is
 * contact data, not money, and the bank file is built from whatever is current when it is downloaded.
 */
@Component
public class PayoutDetailsDirectory {

    static final String DETAILS = "payout_details";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    PayoutDetailsDirectory(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public record PayoutDetails(String partnerId, String accountHolder, String iban, String bic,
                                Instant updatedAt) {

        public BankAccount account() {
            return new BankAccount(accountHolder, iban, bic);
        }
    }

    public Mono<PayoutDetails> save(String partnerId, BankAccount account) {
        Document document = new Document("_id", partnerId).append("accountHolder", account.accountHolder())
                .append("iban", account.iban()).append("bic", account.bic())
                .append("updatedAt", Date.from(clock.instant()));
        return mongo.save(document, DETAILS).map(PayoutDetailsDirectory::details);
    }

    public Mono<PayoutDetails> find(String partnerId) {
        return mongo.findById(partnerId, Document.class, DETAILS).map(PayoutDetailsDirectory::details);
    }

    public Flux<PayoutDetails> findAll(Collection<String> partnerIds) {
        return mongo.find(query(where("_id").in(partnerIds)), Document.class, DETAILS)
                .map(PayoutDetailsDirectory::details);
    }

    private static PayoutDetails details(Document d) {
        return new PayoutDetails(d.getString("_id"), d.getString("accountHolder"), d.getString("iban"),
                d.getString("bic"), d.getDate("updatedAt").toInstant());
    }
}
