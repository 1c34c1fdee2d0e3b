package com.rapport.commission.taxprofile;

import com.rapport.commission.taxprofile.TaxProfile.Address;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.Date;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The partners' tax profiles. Kept as plain current state like payout details (the last value wins): invoices copy
 * the supplier data they need when they are issued, so a later change never alters an issued invoice.
 */
@Component
public class TaxProfiles {

    static final String TAX_PROFILES = "tax_profiles";

    private final ReactiveMongoTemplate mongo;

    TaxProfiles(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The partner's profile, or empty when it has none. */
    public Mono<TaxProfile> find(String partnerId) {
        return mongo.findById(partnerId, Document.class, TAX_PROFILES).map(TaxProfiles::profile);
    }

    public Flux<TaxProfile> findAll(Collection<String> partnerIds) {
        return mongo.find(query(where("_id").in(partnerIds)), Document.class, TAX_PROFILES)
                .map(TaxProfiles::profile);
    }

    Mono<TaxProfile> save(TaxProfile profile) {
        Address a = profile.address();
        Document address = new Document("line1", a.line1()).append("line2", a.line2()).append("city", a.city())
                .append("postalCode", a.postalCode()).append("country", a.country());
        Document document = new Document("_id", profile.partnerId())
                .append("legalName", profile.legalName())
                .append("address", address)
                .append("vatId", profile.vatId())
                .append("vatRegistered", profile.vatRegistered())
                .append("selfBillingAccepted", profile.selfBillingAccepted())
                .append("selfBillingAcceptedBy", profile.selfBillingAcceptedBy())
                .append("selfBillingAcceptedAt", date(profile.selfBillingAcceptedAt()));
        return mongo.save(document, TAX_PROFILES).map(TaxProfiles::profile);
    }

    private static Date date(java.time.Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static TaxProfile profile(Document d) {
        Document a = d.get("address", Document.class);
        Date acceptedAt = d.getDate("selfBillingAcceptedAt");
        return new TaxProfile(d.getString("_id"), d.getString("legalName"),
                new Address(a.getString("line1"), a.getString("line2"), a.getString("city"),
                        a.getString("postalCode"), a.getString("country")),
                d.getString("vatId"), Boolean.TRUE.equals(d.getBoolean("vatRegistered")),
                Boolean.TRUE.equals(d.getBoolean("selfBillingAccepted")), d.getString("selfBillingAcceptedBy"),
                acceptedAt == null ? null : acceptedAt.toInstant());
    }
}
