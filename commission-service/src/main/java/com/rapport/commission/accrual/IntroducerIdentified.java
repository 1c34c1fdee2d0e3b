package com.rapport.commission.accrual;

/** Written only for old deferred overrides (see {@link OverrideDeferred}): the introducer's name and parent. */
public record IntroducerIdentified(String referralId, String introducerName, String parentPartnerId,
                                   String sourceEventId) {
}
