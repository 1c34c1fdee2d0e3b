package com.rapport.commission.payout;

import com.rapport.events.money.Money;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;

/**
 * An entry not paid out yet, in {@code open_items}. {@code payableAt} is an ISO date string (a batch compares it as
 * one); {@code held} is true while the entry is on hold and absent otherwise.
 */
@Document(OpenItem.COLLECTION)
public record OpenItem(@Id String entryId, String partnerId, Money amount, String payableAt, Boolean held) {

    public static final String COLLECTION = "open_items";

    public static OpenItem of(String entryId, String partnerId, Money amount, LocalDate payableAt) {
        return new OpenItem(entryId, partnerId, amount, payableAt.toString(), null);
    }

    /** The same item on hold (a finance hold or an open dispute). */
    public OpenItem onHold() {
        return new OpenItem(entryId, partnerId, amount, payableAt, true);
    }
}
