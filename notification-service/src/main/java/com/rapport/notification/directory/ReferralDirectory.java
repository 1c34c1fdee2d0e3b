package com.rapport.notification.directory;

import com.rapport.events.money.Money;
import com.rapport.events.referral.CreditShare;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Referrals by id (client, credit, contract), kept from {@code referral-events}, where a referral's events arrive in
 * order on one partition. Blocking, for consumer threads.
 */
@Component
public class ReferralDirectory {

    private final MongoTemplate mongo;

    public ReferralDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A new referral (submitted, or opened as a follow-on). Idempotent. */
    public void record(String referralId, String partnerId, String clientCompany, List<CreditShare> shares) {
        mongo.save(new ReferralFile(referralId, partnerId, clientCompany, credits(shares), null, null, null));
    }

    public void reassign(String referralId, String partnerId, List<CreditShare> shares) {
        Update update = Update.update("partnerId", partnerId);
        update.set("credits", credits(shares));
        mongo.updateFirst(query(where("_id").is(referralId)), update, ReferralFile.class);
    }

    /** The credit as it stands after a split (or as the latest event tells it). */
    public void credit(String referralId, List<CreditShare> shares) {
        if (!shares.isEmpty()) {
            mongo.updateFirst(query(where("_id").is(referralId)), Update.update("credits", credits(shares)),
                    ReferralFile.class);
        }
    }

    public void contractSigned(String referralId, String contractEventId, Money value) {
        mongo.updateFirst(query(where("_id").is(referralId)), Update.update("contractEventId", contractEventId)
                .set("contractAmount", value.amount().toPlainString())
                .set("contractCurrency", value.currencyCode()), ReferralFile.class);
    }

    public void contractAmended(String referralId, Money value) {
        mongo.updateFirst(query(where("_id").is(referralId)), Update.update("contractAmount",
                value.amount().toPlainString()).set("contractCurrency", value.currencyCode()), ReferralFile.class);
    }

    public Optional<ReferralFile> find(String referralId) {
        return Optional.ofNullable(mongo.findById(referralId, ReferralFile.class));
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
