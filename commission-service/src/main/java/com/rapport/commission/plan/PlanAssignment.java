package com.rapport.commission.plan;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** Which plan finance put a partner on, in {@code partner_plans}: {@code _id} = partnerId. */
@Document(PlanAssignment.COLLECTION)
record PlanAssignment(@Id String partnerId, String planId, Instant assignedAt) {

    static final String COLLECTION = "partner_plans";
}
