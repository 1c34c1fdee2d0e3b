package com.rapport.commission.adjustment;

import com.rapport.events.money.Money;

import java.time.Instant;

/**
 * An adjustment as finance sees it; {@code entryId} names its ADJUSTMENT ledger entry once approved, and
 * {@code decidedBy}/{@code decidedAt}/{@code decisionReason} who approved or rejected it, when and (rejection) why.
 */
public record AdjustmentView(String adjustmentId, String partnerId, String referralId, Money amount, String reason,
                             AdjustmentStatus status, String proposedBy, Instant proposedAt, String decidedBy,
                             Instant decidedAt, String decisionReason, String entryId) {
}
