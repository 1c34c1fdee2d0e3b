package com.rapport.commission.ledger;

import com.rapport.commission.accrual.ReferralStage;
import com.rapport.events.money.Money;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The introducer's side of one contracted referral as {@code referral_commissions} keeps it ({@code _id} =
 * referralId): its full target, what it earned so far, the stage, and {@code awaitingPartner} (true while an override
 * waits for the introducer's partner to be known; absent otherwise).
 */
@Document(LedgerProjection.OPEN_COMMISSIONS)
record ReferralCommissionDocument(@Id String referralId, String partnerId, Money fullTarget, Money earned,
                                  ReferralStage stage, Boolean awaitingPartner) {
}
