package com.rapport.commission.dispute;

import java.time.Instant;

public record DisputeOpened(String disputeId, String entryId, String partnerId, String referralId, String message,
                            String openedBy, Instant openedAt) {
}
