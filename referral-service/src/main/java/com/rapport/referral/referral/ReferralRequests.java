package com.rapport.referral.referral;

import com.rapport.support.validation.PlainEmail;
import com.rapport.events.money.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The request bodies of the referral endpoints (API.md), with their field limits. */
public final class ReferralRequests {

    static final int NAME_MAX = 200;
    static final int EMAIL_MAX = 254;
    static final int TEXT_MAX = 5000;
    static final int REASON_MAX = 2000;
    static final int ID_MAX = 100;
    static final int LINES_MAX = 100;

    private ReferralRequests() {
    }

    public record Submit(@Size(max = ID_MAX) String partnerId,
                         @NotNull @Valid ClientDetails client,
                         @NotBlank @Size(max = TEXT_MAX) String description,
                         Money estimatedValue) {
    }

    public record ClientDetails(@NotBlank @Size(max = NAME_MAX) String company,
                                @NotBlank @Size(max = NAME_MAX) String contactName,
                                @NotBlank @PlainEmail @Size(max = EMAIL_MAX) String contactEmail) {
    }

    public record Reason(@NotBlank @Size(max = REASON_MAX) String reason) {
    }

    public record Quote(@NotNull Money amount) {
    }

    public record Contract(@NotNull Money contractValue, @NotNull Instant signedAt,
                           @Size(max = LINES_MAX) List<@NotNull @Valid ScheduledPayment> schedule) {
    }

    public record ScheduledPayment(@NotBlank @Size(max = NAME_MAX) String name, @NotNull LocalDate dueDate,
                                   @NotNull Money amount) {

        Instalment toInstalment() {
            return new Instalment(name.trim(), dueDate, amount);
        }
    }

    public record Schedule(@NotNull @Size(max = LINES_MAX) List<@NotNull @Valid ScheduledPayment> schedule) {
    }

    public record Amendment(@NotBlank @Size(max = ID_MAX) String amendmentId, @NotNull Money delta,
                            @NotBlank @Size(max = REASON_MAX) String reason, @NotNull Instant signedAt) {
    }

    public record Split(@NotNull @Size(min = 1, max = LINES_MAX) List<@NotNull @Valid Share> shares) {
    }

    public record Share(@NotBlank @Size(max = ID_MAX) String partnerId, @NotNull BigDecimal share) {
    }

    public record FollowOn(@NotBlank @Size(max = TEXT_MAX) String description, Money estimatedValue) {
    }

    public record Milestone(@NotBlank @Size(max = NAME_MAX) String name, @Size(max = TEXT_MAX) String note) {
    }

    public record Payment(@NotBlank @Size(max = ID_MAX) String paymentId, @NotNull Money amount,
                          @NotNull PaymentKind kind, @NotNull Instant receivedAt) {
    }

    public record Refund(@NotBlank @Size(max = ID_MAX) String refundId, @NotNull Money amount,
                         @NotBlank @Size(max = REASON_MAX) String reason, @NotNull Instant issuedAt) {
    }

    public record Reassign(@NotBlank @Size(max = ID_MAX) String partnerId,
                           @NotBlank @Size(max = REASON_MAX) String reason) {
    }
}
