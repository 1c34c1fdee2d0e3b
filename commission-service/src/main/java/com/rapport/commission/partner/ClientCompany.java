package com.rapport.commission.partner;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The client company a referral is for, as {@code referral_clients} keeps it ({@code _id} = referralId). */
@Document(ClientCompanies.CLIENTS)
record ClientCompany(@Id String referralId, String company) {
}
