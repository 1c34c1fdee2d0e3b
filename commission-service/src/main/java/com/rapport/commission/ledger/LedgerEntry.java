package com.rapport.commission.ledger;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.rapport.commission.config.PlainDecimalSerializer;
import com.rapport.events.commission.CommissionRole;
import com.rapport.events.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One line of a partner's commission ledger (API.md). Entries are never edited or deleted: a correction is a new
 * entry (an ADJUSTMENT). {@code occurredOn} is the date of the client cash (or of the payout, or of the
 * adjustment's approval) the entry books; PAYOUT and ADJUSTMENT entries have no role, rate or basis;
 * {@code batchId} names the payout batch of a PAYOUT entry. {@code hold} is the entry's current hold (null when
 * free: it is then payable from {@code payableAt}); {@code disputes} lists the disputes opened on it, oldest first.
 */
public record LedgerEntry(String entryId, String partnerId, String referralId, CommissionRole role, EntryType type,
                          Money amount, @JsonSerialize(using = PlainDecimalSerializer.class) BigDecimal rate,
                          Money basis, LocalDate payableAt, Instant createdAt, String sourceEventId,
                          String explanation, LocalDate occurredOn, String batchId,
                          @JsonInclude(JsonInclude.Include.ALWAYS) Hold hold, List<DisputeRef> disputes,
                          @JsonIgnore String paidInBatch) {

    public LedgerEntry {
        disputes = disputes == null ? List.of() : List.copyOf(disputes);
    }

    public LedgerEntry(String entryId, String partnerId, String referralId, CommissionRole role, EntryType type,
                       Money amount, BigDecimal rate, Money basis, LocalDate payableAt, Instant createdAt,
                       String sourceEventId, String explanation, LocalDate occurredOn, String batchId, Hold hold,
                       List<DisputeRef> disputes) {
        this(entryId, partnerId, referralId, role, type, amount, rate, basis, payableAt, createdAt, sourceEventId,
                explanation, occurredOn, batchId, hold, disputes, null);
    }

    public LedgerEntry(String entryId, String partnerId, String referralId, CommissionRole role, EntryType type,
                       Money amount, BigDecimal rate, Money basis, LocalDate payableAt, Instant createdAt,
                       String sourceEventId, String explanation, LocalDate occurredOn, String batchId) {
        this(entryId, partnerId, referralId, role, type, amount, rate, basis, payableAt, createdAt, sourceEventId,
                explanation, occurredOn, batchId, null, List.of(), null);
    }

    /** Why and since when the entry is held (a finance hold, or "Disputed: ..." while a dispute is open). */
    public record Hold(String reason, Instant since) {
    }

    /** A dispute on the entry: {@code status} OPEN or RESOLVED, {@code outcome} UPHELD/DISMISSED once resolved. */
    public record DisputeRef(String disputeId, String status, String outcome, Instant openedAt, Instant resolvedAt) {
    }

    public boolean isHeld() {
        return hold != null;
    }

    /** Whether a confirmed payout batch paid this entry out ({@code paidInBatch}, not part of the API's entry). */
    public boolean isPaidOut() {
        return paidInBatch != null;
    }
}
