package com.rapport.notification.directory;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What this service knows of a partner, learnt from {@code rapport.partner.registered.v1}: whom to write to, how. */
@Document("partners")
public record PartnerContact(@Id String partnerId, String name, String email, String language,
                             String parentPartnerId) {
}
