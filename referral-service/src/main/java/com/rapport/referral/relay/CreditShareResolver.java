package com.rapport.referral.relay;

import com.rapport.events.referral.CreditShare;
import com.rapport.referral.partner.EventStorePartnerDirectory;
import com.rapport.referral.partner.PartnerDetails;
import com.rapport.referral.partner.PartnerId;
import com.rapport.referral.referral.ContractSigned;
import com.rapport.referral.referral.CreditSplit;
import com.rapport.referral.referral.FollowOnOpened;
import com.rapport.referral.referral.IntroducerShare;
import com.rapport.referral.referral.ReferralEvent;
import com.rapport.referral.referral.ReferralReassigned;
import com.rapport.referral.referral.ReferralSubmitted;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The credit shares a referral event carries (EVENTS.md): who held the credit when the event happened, read from the
 * referral's own stream up to that event, so a re-sent event carries the same split; and for each co-introducer its
 * parent, language, address and name as they are now, from the partner's stream. Reads the event store by exact key,
 * blocking: it runs on the relay's processor thread, never on an event loop.
 */
@Component
public class CreditShareResolver {

    private final EventStore eventStore;
    private final EventStorePartnerDirectory partners;

    public CreditShareResolver(EventStore eventStore, EventStorePartnerDirectory partners) {
        this.eventStore = eventStore;
        this.partners = partners;
    }

    /** The shares for this message; none for an event that is not a referral's. */
    public List<CreditShare> sharesFor(EventMessage<?> message) {
        if (!(message.getPayload() instanceof ReferralEvent event)) {
            return List.of();
        }
        ContractSigned signed = event instanceof ContractSigned contractSigned ? contractSigned : null;
        return sharesAt(event, message).stream()
                .map(share -> describe(share, signed == null ? null : signed.contractNumberOf(share.partnerId())))
                .toList();
    }

    private CreditShare describe(IntroducerShare share, Integer contractNumber) {
        String partnerId = share.partnerId().value();
        return partners.details(share.partnerId())
                .map(partner -> new CreditShare(partnerId, share.share(), idOrNull(partner.parentPartnerId()),
                        partner.language(), partner.email(), partner.name(), contractNumber))
                .orElseGet(() -> new CreditShare(partnerId, share.share(), null, null, null, null, contractNumber));
    }

    private List<IntroducerShare> sharesAt(ReferralEvent event, EventMessage<?> message) {
        if (event instanceof ReferralSubmitted submitted) {
            return IntroducerShare.whole(submitted.partnerId());
        }
        if (event instanceof FollowOnOpened followOn) {
            return followOn.shares();
        }
        if (event instanceof CreditSplit split) {
            return split.shares();
        }
        long upTo = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : Long.MAX_VALUE;
        List<IntroducerShare> shares = IntroducerShare.whole(event.partnerId());
        DomainEventStream stream = eventStore.readEvents(event.referralId().value());
        while (stream.hasNext()) {
            DomainEventMessage<?> earlier = stream.next();
            if (earlier.getSequenceNumber() > upTo) {
                break;
            }
            Object payload = earlier.getPayload();
            if (payload instanceof ReferralSubmitted submitted) {
                shares = IntroducerShare.whole(submitted.partnerId());
            } else if (payload instanceof FollowOnOpened followOn) {
                shares = followOn.shares();
            } else if (payload instanceof CreditSplit split) {
                shares = split.shares();
            } else if (payload instanceof ReferralReassigned reassigned) {
                shares = IntroducerShare.reassigned(shares, reassigned.previousPartnerId(), reassigned.partnerId());
            }
        }
        return shares;
    }

    private static String idOrNull(PartnerId partnerId) {
        return partnerId == null ? null : partnerId.value();
    }
}
