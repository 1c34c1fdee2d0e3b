package com.rapport.commission.partner;

import com.rapport.commission.config.CommissionProperties;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/**
 * Which client company each referral is for, copied from {@code referral.submitted} and {@code follow-on-opened}:
 * a self-billing invoice names the client of every line (COMMISSIONS.md). An upsert by referralId, so a redelivered
 * event changes nothing.
 */
@Component
public class ClientCompanies {

    static final String CLIENTS = "referral_clients";

    private final ReactiveMongoTemplate mongo;
    private final Duration timeout;

    ClientCompanies(ReactiveMongoTemplate mongo, CommissionProperties properties) {
        this.mongo = mongo;
        this.timeout = properties.storeTimeout();
    }

    /** Blocking: called from the Kafka listener thread. */
    public void record(String referralId, String company) {
        mongo.save(new ClientCompany(referralId, company)).block(timeout);
    }

    /** The companies of these referrals that are known here (one {@code $in} on the id). */
    public Mono<Map<String, String>> of(Collection<String> referralIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(referralIds)), ClientCompany.class)
                .collectMap(ClientCompany::referralId, ClientCompany::company);
    }
}
