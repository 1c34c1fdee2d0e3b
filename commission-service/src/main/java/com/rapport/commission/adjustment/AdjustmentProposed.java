package com.rapport.commission.adjustment;

import com.rapport.events.money.Money;

public record AdjustmentProposed(String adjustmentId, String partnerId, String referralId, Money amount,
                                 String reason, String proposedBy) {
}
