package com.rapport.referral.idempotency;

import java.time.Duration;

/** How long a key is remembered, and how long a request may hold it before a retry may take it over. */
record IdempotencyPolicy(Duration retention, Duration inProgressLease) {
}
