package com.rapport.notification.directory;

import com.rapport.events.referral.CreditShare;
import com.rapport.events.referral.PartnerRegisteredV1;
import com.rapport.events.referral.PartnerUpdatedV1;
import com.rapport.support.id.PartnerId;
import org.springframework.dao.DuplicateKeyException;
import com.rapport.notification.config.StoreProperties;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Partners by id, kept from the partner events of {@code referral-events} and from the credit shares on referral
 * events (which carry each co-introducer's name, email and language, so that no notification waits for a partner
 * event from another partition). Waits for the store: consumer threads only.
 */
@Component
public class PartnerDirectory {

    /** Two consumer threads writing the same partner at once: the loser reads again, a few times at most. */
    private static final int ATTEMPTS = 5;

    private final ReactiveMongoTemplate mongo;
    private final Duration timeout;

    public PartnerDirectory(ReactiveMongoTemplate mongo, StoreProperties store) {
        this.mongo = mongo;
        this.timeout = store.timeout();
    }

    /** Idempotent: the same event again changes nothing. */
    public void record(PartnerRegisteredV1 registered, Instant at) {
        learn(new PartnerContact(registered.partnerId(), registered.name(), registered.email(),
                registered.language(), registered.parentPartnerId(), at));
    }

    /** The name, email and language from now on (the parent does not change). */
    public void record(PartnerUpdatedV1 updated, Instant at) {
        learn(new PartnerContact(updated.partnerId(), updated.name(), updated.email(), updated.language(), null, at));
    }

    /**
     * What a referral event says of one of its co-introducers, as it was when the event was written; answers the
     * partner as known now, if the share told anything of it (so that its notification need not read it again).
     */
    public Optional<PartnerContact> learn(CreditShare share, Instant at) {
        if (share.partnerId() == null || share.partnerId().isBlank()) {
            return Optional.empty();
        }
        if (share.name() == null && share.email() == null && share.language() == null
                && share.parentPartnerId() == null) {
            return Optional.empty();
        }
        return Optional.of(learn(new PartnerContact(share.partnerId(), share.name(), share.email(), share.language(),
                share.parentPartnerId(), at)));
    }

    public Optional<PartnerContact> find(PartnerId partnerId) {
        return mongo.findById(partnerId.value(), PartnerContact.class).blockOptional(timeout);
    }

    /** The partner as known, or a contact with only its id (default language, address to be learnt). */
    public PartnerContact findOrUnknown(PartnerId partnerId) {
        return find(partnerId).orElseGet(() -> PartnerContact.unknown(partnerId));
    }

    /** The partner as stored once what it was told is merged in. */
    private PartnerContact learn(PartnerContact told) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            PartnerContact known = find(told.partner()).orElse(null);
            if (known == null) {
                boolean inserted = mongo.insert(told).map(written -> true)
                        // written meanwhile: read again
                        .onErrorReturn(DuplicateKeyException.class, false)
                        .block(timeout);
                if (inserted) {
                    return told;
                }
                continue;
            }
            PartnerContact merged = known.mergedWith(told);
            if (merged.equals(known)) {
                return known;
            }
            // replaced only if nobody changed it since it was read
            if (mongo.findAndReplace(query(where("_id").is(known.partnerId()).and("asOf").is(known.asOf())),
                    merged).blockOptional(timeout).isPresent()) {
                return merged;
            }
        }
        throw new IllegalStateException("partner " + told.partnerId() + " keeps changing; the event will be retried");
    }
}
