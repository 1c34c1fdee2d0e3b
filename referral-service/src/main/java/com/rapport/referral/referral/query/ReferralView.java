package com.rapport.referral.referral.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.rapport.events.money.Money;
import com.rapport.referral.referral.ReferralStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The referral as API.md shows it, kept in the {@code referrals} collection by {@link ReferralProjection}.
 * {@code formerPartnerIds} (who had the credit before a reassignment, and may still read it) and
 * {@code lastSequence} (the last event applied, which makes replays harmless) are bookkeeping, not shown.
 */
@Document(ReferralView.COLLECTION)
public record ReferralView(
        @Id String referralId,
        String partnerId,
        ClientView client,
        String description,
        ReferralStatus status,
        Money estimatedValue,
        Money quotedAmount,
        Money contractValue,
        Integer contractNumber,
        Instant signedAt,
        Money cashReceived,
        Money refunded,
        List<PaymentView> payments,
        List<RefundView> refunds,
        List<ShareView> shares,
        String followOnOf,
        List<InstalmentView> schedule,
        List<AmendmentView> amendments,
        List<TimelineEntry> timeline,
        Instant createdAt,
        Instant updatedAt,
        @JsonIgnore List<String> formerPartnerIds,
        @JsonIgnore long lastSequence) {

    public static final String COLLECTION = "referrals";

    public ReferralView {
        // documents kept before credit could be split: the referring partner had it all
        if ((shares == null || shares.isEmpty()) && partnerId != null) {
            shares = List.of(new ShareView(partnerId, "1"));
        }
        schedule = schedule == null ? List.of() : schedule;
        amendments = amendments == null ? List.of() : amendments;
    }

    public record ClientView(String company, String contactName, String contactEmail) {
    }

    public record PaymentView(String paymentId, Money amount, String kind, Instant receivedAt) {
    }

    public record RefundView(String refundId, Money amount, String reason, Instant issuedAt) {
    }

    /** {@code share} as a decimal string, as the caller gave it ("0.60"); "1" when the credit is not split. */
    public record ShareView(String partnerId, String share) {
    }

    public record InstalmentView(String name, LocalDate dueDate, Money amount) {
    }

    public record AmendmentView(String amendmentId, Money delta, String reason, Instant signedAt) {
    }

    /**
     * May this partner read the referral: it has the credit or a share of it, or had the credit before a
     * reassignment.
     */
    public boolean concernsPartner(String partner) {
        return partner != null && (partner.equals(partnerId)
                || (formerPartnerIds != null && formerPartnerIds.contains(partner))
                || (shares != null && shares.stream().anyMatch(share -> partner.equals(share.partnerId()))));
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** A working copy the projection changes event by event. */
    static final class Builder {
        String referralId;
        String partnerId;
        ClientView client;
        String description;
        ReferralStatus status;
        Money estimatedValue;
        Money quotedAmount;
        Money contractValue;
        Integer contractNumber;
        Instant signedAt;
        Money cashReceived;
        Money refunded;
        final List<PaymentView> payments;
        final List<RefundView> refunds;
        List<ShareView> shares;
        String followOnOf;
        List<InstalmentView> schedule;
        final List<AmendmentView> amendments;
        final List<TimelineEntry> timeline;
        Instant createdAt;
        Instant updatedAt;
        final List<String> formerPartnerIds;
        long lastSequence;

        Builder() {
            payments = new ArrayList<>();
            refunds = new ArrayList<>();
            shares = new ArrayList<>();
            schedule = new ArrayList<>();
            amendments = new ArrayList<>();
            timeline = new ArrayList<>();
            formerPartnerIds = new ArrayList<>();
        }

        private Builder(ReferralView view) {
            referralId = view.referralId;
            partnerId = view.partnerId;
            client = view.client;
            description = view.description;
            status = view.status;
            estimatedValue = view.estimatedValue;
            quotedAmount = view.quotedAmount;
            contractValue = view.contractValue;
            contractNumber = view.contractNumber;
            signedAt = view.signedAt;
            cashReceived = view.cashReceived;
            refunded = view.refunded;
            payments = new ArrayList<>(nullToEmpty(view.payments));
            refunds = new ArrayList<>(nullToEmpty(view.refunds));
            // kept before credit could be split: the referring partner had it all
            shares = view.shares == null || view.shares.isEmpty()
                    ? new ArrayList<>(List.of(new ShareView(view.partnerId, "1")))
                    : new ArrayList<>(view.shares);
            followOnOf = view.followOnOf;
            schedule = new ArrayList<>(nullToEmpty(view.schedule));
            amendments = new ArrayList<>(nullToEmpty(view.amendments));
            timeline = new ArrayList<>(nullToEmpty(view.timeline));
            createdAt = view.createdAt;
            updatedAt = view.updatedAt;
            formerPartnerIds = new ArrayList<>(nullToEmpty(view.formerPartnerIds));
            lastSequence = view.lastSequence;
        }

        ReferralView build() {
            return new ReferralView(referralId, partnerId, client, description, status, estimatedValue, quotedAmount,
                    contractValue, contractNumber, signedAt, cashReceived, refunded, List.copyOf(payments),
                    List.copyOf(refunds), List.copyOf(shares), followOnOf, List.copyOf(schedule),
                    List.copyOf(amendments), List.copyOf(timeline), createdAt, updatedAt, List.copyOf(formerPartnerIds),
                    lastSequence);
        }

        private static <T> List<T> nullToEmpty(List<T> list) {
            return list == null ? List.of() : list;
        }
    }
}
