package com.rapport.commission.plan;

public record PlanVersionPublished(String planId, int version, PlanTerms terms) {
}
