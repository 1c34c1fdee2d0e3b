package com.rapport.commission.accrual;

import com.rapport.commission.plan.PlanVersion;
import com.rapport.support.id.PartnerId;

import java.math.BigDecimal;

/**
 * One introducer of a referral as its contract-signed event names it: its share of the credit, its parent (who
 * earns the override; null when none), its own n-th signed contract, and the plan version it is on now.
 */
public record Introducer(PartnerId partnerId, String name, BigDecimal share, PartnerId parentPartnerId,
                         int contractNumber, PlanVersion plan) {
}
