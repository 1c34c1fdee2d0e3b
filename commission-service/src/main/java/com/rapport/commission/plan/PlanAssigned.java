package com.rapport.commission.plan;

public record PlanAssigned(String partnerId, String planId) {
}
