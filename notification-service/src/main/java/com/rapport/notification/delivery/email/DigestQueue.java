package com.rapport.notification.delivery.email;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

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

/** The emails waiting for a digest, and the digest log. Blocking: scheduler and consumer threads only. */
@Component
public class DigestQueue {

    private final MongoTemplate mongo;

    public DigestQueue(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Idempotent: a notification waits once. */
    public void add(String notificationId, String partnerId, Instant at) {
        try {
            mongo.insert(new DigestItem(notificationId, partnerId, at));
        } catch (DuplicateKeyException waitingAlready) {
            // a redelivered event: it waits already
        }
    }

    /** Everything waiting, by partner. The queue holds at most a day of digest email, so it is read whole. */
    public Map<String, List<DigestItem>> byPartner() {
        return mongo.findAll(DigestItem.class).stream()
                .collect(Collectors.groupingBy(DigestItem::partnerId, LinkedHashMap::new, Collectors.toList()));
    }

    public void remove(DigestItem item) {
        mongo.remove(query(where("_id").is(item.notificationId())), DigestItem.class);
    }

    public Optional<LocalDate> lastSentOn(String partnerId) {
        DigestLog log = mongo.findById(partnerId, DigestLog.class);
        return log == null || log.lastSentOn() == null ? Optional.empty() : Optional.of(LocalDate.parse(log.lastSentOn()));
    }

    /** True when the caller may send this partner's digest now; nobody else will until the lease ends. */
    public boolean claim(String partnerId, Instant now, Duration lease) {
        try {
            return mongo.findAndModify(query(where("_id").is(partnerId).and("claimedUntil").lte(now)),
                    Update.update("claimedUntil", now.plus(lease)),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), DigestLog.class) != null;
        } catch (DuplicateKeyException heldByAnother) {
            return false;
        }
    }

    public void sent(String partnerId, LocalDate day) {
        mongo.updateFirst(query(where("_id").is(partnerId)),
                Update.update("lastSentOn", day.toString()).set("claimedUntil", Instant.EPOCH), DigestLog.class);
    }

    public void release(String partnerId) {
        mongo.updateFirst(query(where("_id").is(partnerId)), Update.update("claimedUntil", Instant.EPOCH),
                DigestLog.class);
    }
}
