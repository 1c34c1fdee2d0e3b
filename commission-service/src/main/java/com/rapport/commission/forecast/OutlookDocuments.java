package com.rapport.commission.forecast;

import com.rapport.commission.accrual.AccrualEvents.RateLocked;
import com.rapport.commission.accrual.ReferralStage;
import com.rapport.commission.accrual.RoleTerms;
import com.rapport.commission.config.BsonValues;
import com.rapport.commission.forecast.ReferralOutlook.RoleOutlook;
import com.rapport.events.commission.CommissionRole;
import com.rapport.events.money.Money;
import com.rapport.events.referral.ScheduledInstalment;
import org.bson.Document;

import java.util.List;

/** Referral outlooks in MongoDB: {@code _id} = referralId, {@code partners} = everyone with a role (indexed reads). */
final class OutlookDocuments {

    static final String OUTLOOKS = "referral_outlooks";

    private OutlookDocuments() {
    }

    static String key(CommissionRole role, String introducerPartnerId) {
        return role + "/" + introducerPartnerId;
    }

    static Document role(String key, RateLocked event) {
        RoleTerms terms = event.terms();
        return new Document("key", key)
                .append("role", event.role().name())
                .append("partnerId", event.partnerId())
                .append("rate", terms.rate() == null ? null : BsonValues.rate(terms.rate()))
                .append("share", BsonValues.rate(terms.share()))
                .append("cap", terms.cap() == null ? null : BsonValues.money(terms.cap()))
                .append("flatFee", terms.flatFee() == null ? null : BsonValues.money(terms.flatFee()))
                .append("holdDays", event.holdDays())
                .append("earned", BsonValues.money(Money.zero(event.contractValue().currency())));
    }

    static List<Document> schedule(List<ScheduledInstalment> schedule) {
        return schedule.stream().map(instalment -> new Document("name", instalment.name())
                .append("dueDate", BsonValues.date(instalment.dueDate()))
                .append("amount", BsonValues.money(instalment.amount()))).toList();
    }

    static ReferralOutlook fromDocument(Document d) {
        List<ScheduledInstalment> schedule = d.getList("schedule", Document.class, List.of()).stream()
                .map(i -> new ScheduledInstalment(i.getString("name"), BsonValues.date(i.get("dueDate")),
                        BsonValues.money(i.get("amount")))).toList();
        List<RoleOutlook> roles = d.getList("roles", Document.class, List.of()).stream()
                .map(r -> new RoleOutlook(r.getString("key"), CommissionRole.valueOf(r.getString("role")),
                        r.getString("partnerId"),
                        new RoleTerms(r.get("rate") == null ? null : BsonValues.rate(r.get("rate")),
                                BsonValues.rate(r.get("share")),
                                r.get("cap") == null ? null : BsonValues.money(r.get("cap")),
                                r.get("flatFee") == null ? null : BsonValues.money(r.get("flatFee"))),
                        r.getInteger("holdDays", 0), BsonValues.money(r.get("earned")))).toList();
        return new ReferralOutlook(d.getString("_id"), BsonValues.money(d.get("contractValue")),
                BsonValues.money(d.get("netCash")), ReferralStage.valueOf(d.getString("stage")), schedule, roles);
    }
}
