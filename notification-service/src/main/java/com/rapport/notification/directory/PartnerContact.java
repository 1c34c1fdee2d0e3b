package com.rapport.notification.directory;

import com.rapport.support.id.PartnerId;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What this service knows of a partner: whom to write to, how. Learnt from {@code partner.registered} /
 * {@code partner.updated} and from the credit shares that referral events carry; {@code asOf} is the time of the
 * event it was learnt from, so that what an older event says never replaces what a newer one said, whichever
 * partition delivers first. Any field may still be null where no event told it yet.
 */
@Document("partners")
public record PartnerContact(@Id String partnerId, String name, String email, String language,
                             String parentPartnerId, Instant asOf) {

    public PartnerContact {
        // stored as a BSON date: milliseconds, so the stored value and this one compare equal
        asOf = asOf == null ? null : asOf.truncatedTo(ChronoUnit.MILLIS);
    }

    public PartnerContact(String partnerId, String name, String email, String language, String parentPartnerId) {
        this(partnerId, name, email, language, parentPartnerId, null);
    }

    /** A partner no event has described yet: addressed in the default language, its email address found later. */
    public static PartnerContact unknown(PartnerId partnerId) {
        return new PartnerContact(partnerId.value(), null, null, null, null, null);
    }

    /** The partner's id as the domain names it (the document keeps a plain string). */
    public PartnerId partner() {
        return PartnerId.of(partnerId);
    }

    /** This contact completed with what another one says: the newer one wins, the older one fills its gaps. */
    PartnerContact mergedWith(PartnerContact other) {
        boolean otherIsNewer = asOf == null || (other.asOf != null && !other.asOf.isBefore(asOf));
        PartnerContact newer = otherIsNewer ? other : this;
        PartnerContact older = otherIsNewer ? this : other;
        return new PartnerContact(partnerId, either(newer.name, older.name), either(newer.email, older.email),
                either(newer.language, older.language), either(newer.parentPartnerId, older.parentPartnerId),
                newer.asOf != null ? newer.asOf : older.asOf);
    }

    private static String either(String preferred, String otherwise) {
        return preferred != null && !preferred.isBlank() ? preferred : otherwise;
    }
}
