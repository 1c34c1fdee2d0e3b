package com.rapport.notification.directory;

import com.rapport.events.money.Money;
import com.rapport.support.id.PartnerId;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A referral as messages need it: which client it is about, who is credited with it (the referring partner, and the
 * co-introducers' shares once split), and its signed contract (the event that told it and its current value).
 * {@code credits} is null for referrals filed before events carried shares: the referring partner has it all.
 * <p>
 * {@code contractValue} is kept as every service keeps money ({@code {amount: Decimal128, currency}}, service-support's
 * {@code MoneyDocuments}). {@code contractAmount} / {@code contractCurrency} are how files signed before that kept it
 * (decimal string and code): null on files written since, and read into {@code contractValue} when it is missing.
 */
@Document("referrals")
public record ReferralFile(@Id String referralId, String partnerId, String clientCompany, List<Credit> credits,
                           String contractEventId, Money contractValue, String contractAmount,
                           String contractCurrency) {

    public ReferralFile {
        if (contractValue == null && contractAmount != null && contractCurrency != null) {
            contractValue = Money.of(contractAmount, contractCurrency);
        }
    }

    public ReferralFile(String referralId, String partnerId, String clientCompany) {
        this(referralId, partnerId, clientCompany, null, null, null, null, null);
    }

    /** One co-introducer's part; the share as a decimal string. */
    public record Credit(String partnerId, String share, String parentPartnerId) {
    }

    public List<Credit> creditsOrReferrer() {
        return credits == null || credits.isEmpty() ? List.of(new Credit(partnerId, "1", null)) : credits;
    }

    /** This partner's part of the credit: 1 when not split (or when the split on file does not name it). */
    public BigDecimal shareOf(PartnerId partner) {
        return creditsOrReferrer().stream().filter(credit -> credit.partnerId().equals(partner.value())).findFirst()
                .map(credit -> new BigDecimal(credit.share())).orElse(BigDecimal.ONE);
    }

    /** The contract's current value, once it is signed. */
    public Optional<Money> signedContractValue() {
        return Optional.ofNullable(contractValue);
    }
}
