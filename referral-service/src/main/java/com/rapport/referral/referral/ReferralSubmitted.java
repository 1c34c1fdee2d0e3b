package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.rapport.events.money.Money;
import com.rapport.support.id.PartnerId;
import org.axonframework.serialization.Revision;

/**
 * A referral was submitted. Revision 2 nests the client's details under {@code client}; revision 1 stored them as
 * top-level {@code company}, {@code contactName}, {@code contactEmail} and is upcast by
 * {@link ReferralSubmittedUpcaster}.
 */
@Revision("2")
public record ReferralSubmitted(ReferralId referralId, PartnerId partnerId, ReferredClient client,
                                String description, Money estimatedValue) implements ReferralEvent {
}
