package com.rapport.commission.ledger;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.rapport.commission.config.PlainDecimalSerializer;
import com.rapport.events.commission.CommissionRole;
import com.rapport.events.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of a partner's commission ledger (API.md). Entries are never edited or deleted: a correction is a new
 * entry. {@code occurredOn} is the date of the client cash (or of the payout) the entry books; PAYOUT entries have
 * no referral, role, rate or basis; {@code batchId} names the payout batch of a PAYOUT entry.
 */
public record LedgerEntry(String entryId, String partnerId, String referralId, CommissionRole role, EntryType type,
                          Money amount, @JsonSerialize(using = PlainDecimalSerializer.class) BigDecimal rate,
                          Money basis, LocalDate payableAt, Instant createdAt, String sourceEventId,
                          String explanation, LocalDate occurredOn, String batchId) {
}
