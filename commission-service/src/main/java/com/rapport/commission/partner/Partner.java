package com.rapport.commission.partner;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What commissions need to know of a partner: its name (for explanations) and who introduced it (overrides). Kept in
 * {@code partners} ({@code _id} = partnerId) by {@link PartnerDirectory}.
 */
@Document(PartnerDirectory.PARTNERS)
public record Partner(@Id String partnerId, String name, String parentPartnerId) {
}
