package com.rapport.commission.payout;

import java.util.Collection;
import java.util.List;

/** The claim register as the batch aggregate sees it when it opens or is confirmed. */
public interface BatchClaims {

    /**
     * Makes sure the batch holds the claims of these entries (a free entry is claimed for it, insert-if-absent) and
     * answers the entries another batch holds instead: any such entry means the batch must not open or be paid.
     */
    List<String> heldByOtherBatches(String batchId, Collection<String> entryIds);
}
