package com.rapport.commission.plan;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.time.Instant;

/**
 * One published version of a plan, as contracts lock it and as it is shown: {@code {"planId", "version", "tiers",
 * "overrideRate", "capPerReferral", "holdDays", "minimumPayout", "publishedAt"}}.
 */
public record PlanVersion(String planId, int version, @JsonUnwrapped PlanTerms terms, Instant publishedAt) {
}
