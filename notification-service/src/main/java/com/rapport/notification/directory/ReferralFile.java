package com.rapport.notification.directory;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A referral as messages need it: who is credited with it and which client it is about. */
@Document("referrals")
public record ReferralFile(@Id String referralId, String partnerId, String clientCompany) {
}
