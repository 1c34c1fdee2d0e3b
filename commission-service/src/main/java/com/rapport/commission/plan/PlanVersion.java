package com.rapport.commission.plan;

import java.time.Instant;

/** One published version of a plan, as it is shown and as contracts lock it. */
public record PlanVersion(String planId, int version, PlanTerms terms, Instant publishedAt) {
}
