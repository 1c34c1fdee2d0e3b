package com.rapport.notification.directory;

import com.rapport.events.money.Money;
import com.rapport.events.referral.CreditShare;
import com.rapport.notification.config.StoreProperties;
import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Referrals by id (client, credit, contract), kept from {@code referral-events}, where a referral's events arrive in
 * order on one partition. Waits for the store: consumer threads only.
 */
@Component
public class ReferralDirectory {

    private final ReactiveMongoTemplate mongo;
    private final Duration timeout;

    public ReferralDirectory(ReactiveMongoTemplate mongo, StoreProperties store) {
        this.mongo = mongo;
        this.timeout = store.timeout();
    }

    /** A new referral (submitted, or opened as a follow-on). Idempotent. */
    public void record(ReferralId referralId, PartnerId partnerId, String clientCompany, List<CreditShare> shares) {
        mongo.save(new ReferralFile(referralId.value(), partnerId.value(), clientCompany, credits(shares), null, null,
                null, null)).block(timeout);
    }

    public void reassign(ReferralId referralId, PartnerId partnerId, List<CreditShare> shares) {
        Update update = Update.update("partnerId", partnerId.value());
        update.set("credits", credits(shares));
        mongo.updateFirst(byId(referralId), update, ReferralFile.class).block(timeout);
    }

    /** The credit as it stands after a split (or as the latest event tells it). */
    public void credit(ReferralId referralId, List<CreditShare> shares) {
        if (!shares.isEmpty()) {
            mongo.updateFirst(byId(referralId), Update.update("credits", credits(shares)), ReferralFile.class)
                    .block(timeout);
        }
    }

    public void contractSigned(ReferralId referralId, String contractEventId, Money value) {
        mongo.updateFirst(byId(referralId), contractValue(value).set("contractEventId", contractEventId),
                ReferralFile.class).block(timeout);
    }

    public void contractAmended(ReferralId referralId, Money value) {
        mongo.updateFirst(byId(referralId), contractValue(value), ReferralFile.class).block(timeout);
    }

    public Optional<ReferralFile> find(ReferralId referralId) {
        return mongo.findById(referralId.value(), ReferralFile.class).blockOptional(timeout);
    }

    /** The value in the shared money shape; the decimal-string fields of files signed before it go. */
    private static Update contractValue(Money value) {
        return Update.update("contractValue", value).unset("contractAmount").unset("contractCurrency");
    }

    private static Query byId(ReferralId referralId) {
        return query(where("_id").is(referralId.value()));
    }

    private static List<ReferralFile.Credit> credits(List<CreditShare> shares) {
        if (shares == null || shares.isEmpty()) {
            return null;
        }
        return shares.stream().filter(share -> share.partnerId() != null)
                .map(share -> new ReferralFile.Credit(share.partnerId(),
                        (share.share() == null ? BigDecimal.ONE : share.share()).toPlainString(),
                        share.parentPartnerId()))
                .toList();
    }
}
