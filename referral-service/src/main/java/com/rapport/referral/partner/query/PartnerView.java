package com.rapport.referral.partner.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** The partner as API.md shows it; a read model rebuilt from the events. */
@Document(PartnerView.COLLECTION)
public record PartnerView(@Id String partnerId, String name, String email, String language, String parentPartnerId,
                          Instant createdAt) {

    public static final String COLLECTION = "partners";
}
