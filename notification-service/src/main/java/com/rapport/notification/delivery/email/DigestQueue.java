package com.rapport.notification.delivery.email;

import com.rapport.notification.config.StoreProperties;
import com.rapport.support.id.PartnerId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The emails waiting for a digest, and the digest log. Waits for the store: scheduler and consumer threads only. */
@Component
public class DigestQueue {

    private final ReactiveMongoTemplate mongo;
    private final Duration timeout;

    public DigestQueue(ReactiveMongoTemplate mongo, StoreProperties store) {
        this.mongo = mongo;
        this.timeout = store.timeout();
    }

    /** Idempotent: a notification waits once. */
    public void add(String notificationId, PartnerId partnerId, Instant at) {
        mongo.insert(new DigestItem(notificationId, partnerId.value(), at))
                // a redelivered event: it waits already
                .onErrorResume(DuplicateKeyException.class, waitingAlready -> Mono.empty())
                .block(timeout);
    }

    /** Everything waiting, by partner. The queue holds at most a day of digest email, so it is read whole. */
    public Map<PartnerId, List<DigestItem>> byPartner() {
        return mongo.findAll(DigestItem.class).collectList().block(timeout).stream()
                .collect(Collectors.groupingBy(item -> PartnerId.of(item.partnerId()), LinkedHashMap::new,
                        Collectors.toList()));
    }

    public void remove(DigestItem item) {
        mongo.remove(query(where("_id").is(item.notificationId())), DigestItem.class).block(timeout);
    }

    public Optional<LocalDate> lastSentOn(PartnerId partnerId) {
        return mongo.findById(partnerId.value(), DigestLog.class).blockOptional(timeout)
                .map(DigestLog::lastSentOn).map(LocalDate::parse);
    }

    /** True when the caller may send this partner's digest now; nobody else will until the lease ends. */
    public boolean claim(PartnerId partnerId, Instant now, Duration lease) {
        return mongo.findAndModify(query(where("_id").is(partnerId.value()).and("claimedUntil").lte(now)),
                        Update.update("claimedUntil", now.plus(lease)),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), DigestLog.class)
                .map(claimed -> true)
                // the upsert met the log another instance holds
                .onErrorReturn(DuplicateKeyException.class, false)
                .defaultIfEmpty(false)
                .block(timeout);
    }

    public void sent(PartnerId partnerId, LocalDate day) {
        mongo.updateFirst(query(where("_id").is(partnerId.value())),
                Update.update("lastSentOn", day.toString()).set("claimedUntil", Instant.EPOCH), DigestLog.class)
                .block(timeout);
    }

    public void release(PartnerId partnerId) {
        mongo.updateFirst(query(where("_id").is(partnerId.value())), Update.update("claimedUntil", Instant.EPOCH),
                DigestLog.class).block(timeout);
    }
}
