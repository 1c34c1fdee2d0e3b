package com.rapport.commission.payout;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Where each partner wants to be paid. Kept as plain current state (the last value wins), not event-sourced: it is
 * contact data, not money, and the bank file is built from whatever is current when it is downloaded.
 */
@Component
public class PayoutDetailsDirectory {


    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    PayoutDetailsDirectory(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** As {@code payout_details} keeps them: {@code _id} = partnerId. */
    @Document("payout_details")
    public record PayoutDetails(@Id String partnerId, String accountHolder, String iban, String bic,
                                Instant updatedAt) {

        public BankAccount account() {
            return new BankAccount(accountHolder, iban, bic);
        }
    }

    public Mono<PayoutDetails> save(String partnerId, BankAccount account) {
        return mongo.save(new PayoutDetails(partnerId, account.accountHolder(), account.iban(), account.bic(),
                clock.instant()));
    }

    public Mono<PayoutDetails> find(String partnerId) {
        return mongo.findById(partnerId, PayoutDetails.class);
    }

    public Flux<PayoutDetails> findAll(Collection<String> partnerIds) {
        return mongo.find(query(where("_id").in(partnerIds)), PayoutDetails.class);
    }
}
