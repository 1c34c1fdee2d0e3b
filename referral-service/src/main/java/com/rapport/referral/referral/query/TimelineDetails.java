package com.rapport.referral.referral.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.rapport.events.money.Money;

import java.time.Instant;
import java.util.List;

/**
 * What a timeline line is about, as fields rather than a sentence, so the portal can write it in the reader's
 * language with money and dates formatted for them. Only the fields of the line's {@code type} are set:
 * <ul>
 * <li>{@code submitted}: company, contactName · {@code follow-on-opened}: company, followOnOf</li>
 * <li>{@code quoted}: amount · {@code contract-signed}: contractValue, on (signed), contractNumber</li>
 * <li>{@code contract-amended}: amount (the delta), contractValue (now), on (signed), reference (amendmentId),
 * reason · {@code schedule-set}: schedule</li>
 * <li>{@code payment-received}: kind, reference (paymentId), amount, on (received), netCash ·
 * {@code refund-issued}: reference (refundId), amount, on (issued), reason, netCash</li>
 * <li>{@code milestone-reached}: name, note · {@code rejected}: reason · {@code lost}: fromStatus, reason</li>
 * <li>{@code reassigned}: previousPartnerId, newPartnerId, reason · {@code credit-split}: shares</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineDetails(String company, String contactName, String followOnOf, Money amount,
                              Money contractValue, Money netCash, Instant on, Integer contractNumber, String kind,
                              String reference, String reason, String name, String note, String fromStatus,
                              String previousPartnerId, String newPartnerId, List<ReferralView.ShareView> shares,
                              List<ReferralView.InstalmentView> schedule) {

    static Builder of() {
        return new Builder();
    }

    /** Sets only what a line needs; the rest stays null (and out of the JSON). */
    static final class Builder {
        private String company;
        private String contactName;
        private String followOnOf;
        private Money amount;
        private Money contractValue;
        private Money netCash;
        private Instant on;
        private Integer contractNumber;
        private String kind;
        private String reference;
        private String reason;
        private String name;
        private String note;
        private String fromStatus;
        private String previousPartnerId;
        private String newPartnerId;
        private List<ReferralView.ShareView> shares;
        private List<ReferralView.InstalmentView> schedule;

        Builder company(String value) {
            company = value;
            return this;
        }

        Builder contactName(String value) {
            contactName = value;
            return this;
        }

        Builder followOnOf(String value) {
            followOnOf = value;
            return this;
        }

        Builder amount(Money value) {
            amount = value;
            return this;
        }

        Builder contractValue(Money value) {
            contractValue = value;
            return this;
        }

        Builder netCash(Money value) {
            netCash = value;
            return this;
        }

        Builder on(Instant value) {
            on = value;
            return this;
        }

        Builder contractNumber(Integer value) {
            contractNumber = value;
            return this;
        }

        Builder kind(String value) {
            kind = value;
            return this;
        }

        Builder reference(String value) {
            reference = value;
            return this;
        }

        Builder reason(String value) {
            reason = value;
            return this;
        }

        Builder name(String value) {
            name = value;
            return this;
        }

        Builder note(String value) {
            note = value;
            return this;
        }

        Builder fromStatus(String value) {
            fromStatus = value;
            return this;
        }

        Builder previousPartnerId(String value) {
            previousPartnerId = value;
            return this;
        }

        Builder newPartnerId(String value) {
            newPartnerId = value;
            return this;
        }

        Builder shares(List<ReferralView.ShareView> value) {
            shares = List.copyOf(value);
            return this;
        }

        Builder schedule(List<ReferralView.InstalmentView> value) {
            schedule = List.copyOf(value);
            return this;
        }

        TimelineDetails build() {
            return new TimelineDetails(company, contactName, followOnOf, amount, contractValue, netCash, on,
                    contractNumber, kind, reference, reason, name, note, fromStatus, previousPartnerId, newPartnerId,
                    shares, schedule);
        }
    }
}
