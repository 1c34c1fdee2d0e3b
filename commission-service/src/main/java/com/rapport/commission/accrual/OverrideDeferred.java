package com.rapport.commission.accrual;

import java.math.BigDecimal;

/**
 * Written only by contracts locked before events carried the introducer's parent; kept so that those stored
 * streams still load. Nothing applies it any more.
 */
public record OverrideDeferred(String referralId, String introducerPartnerId, BigDecimal overrideRate,
                               String sourceEventId) {
}
