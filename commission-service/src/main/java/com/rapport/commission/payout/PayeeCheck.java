package com.rapport.commission.payout;

import java.util.Optional;

/** Whether a partner can be paid now; the reason (a {@link SkippedLine} reason) when not. */
@FunctionalInterface
public interface PayeeCheck {

    Optional<String> whyNotPayable(String partnerId);
}
