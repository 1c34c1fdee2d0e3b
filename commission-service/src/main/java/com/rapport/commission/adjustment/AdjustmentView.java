package com.rapport.commission.adjustment;

import com.rapport.events.money.Money;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * An adjustment as finance sees it; {@code entryId} names its ADJUSTMENT ledger entry once approved, and
 * {@code decidedBy}/{@code decidedAt}/{@code decisionReason} who approved or rejected it, when and (rejection) why.
 * Kept as it is in {@code adjustments}, {@code _id} = adjustmentId.
 */
@Document(AdjustmentProjection.ADJUSTMENTS)
public record AdjustmentView(@Id String adjustmentId, String partnerId, String referralId, Money amount, String reason,
                             AdjustmentStatus status, String proposedBy, Instant proposedAt, String decidedBy,
                             Instant decidedAt, String decisionReason, String entryId) {
}
