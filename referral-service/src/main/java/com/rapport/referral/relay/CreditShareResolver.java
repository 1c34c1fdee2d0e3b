package com.rapport.referral.relay;

import com.rapport.events.referral.CreditShare;
import com.rapport.referral.partner.EventStorePartnerDirectory;
import com.rapport.referral.partner.PartnerDetails;
import com.rapport.support.id.PartnerId;
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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The credit shares a referral event carries (EVENTS.md): who held the credit when the event happened, read from the
 * referral's own stream up to that event, so a re-sent event carries the same split; and for each co-introducer its
 * parent, language, address and name as they are now, from the partner's stream. Reads the event store by exact key,
 * blocking: it runs on the relay's processor thread, never on an event loop.
 *
 * <p>The relay meets a referral's events in order, so it remembers the shares after the last event it resolved for
 * each referral and applies the next event to them instead of reading the whole stream again; only an event whose
 * predecessor it has not just seen (the first after a start, a batch sent again) reads the stream. Partners' details
 * are remembered until the relay passes an event of that partner (a registration or an update), which it does before
 * any later event. Both memories are bounded. (Issue 9: reading the streams again was a fifth of the service's
 * database requests.)
 */
@Component
public class CreditShareResolver {

    static final int REMEMBERED = 10_000;

    private final EventStore eventStore;
    private final EventStorePartnerDirectory partners;
    private final Map<String, Resolved> lastResolved = lastUsed(REMEMBERED);
    private final Map<PartnerId, Optional<PartnerDetails>> partnerDetails = lastUsed(REMEMBERED);

    /** The shares of a referral after its event {@code sequence}. */
    private record Resolved(long sequence, List<IntroducerShare> shares) {
    }

    public CreditShareResolver(EventStore eventStore, EventStorePartnerDirectory partners) {
        this.eventStore = eventStore;
        this.partners = partners;
    }

    /** The shares for this message; none for an event that is not a referral's. */
    public List<CreditShare> sharesFor(EventMessage<?> message) {
        if (message instanceof DomainEventMessage<?> domain) {
            // a partner's own event: its details change (or begin) here
            partnerDetails.remove(new PartnerId(domain.getAggregateIdentifier()));
        }
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
        return partnerDetails.computeIfAbsent(share.partnerId(), partners::details)
                .map(partner -> new CreditShare(partnerId, share.share(), idOrNull(partner.parentPartnerId()),
                        partner.language(), partner.email(), partner.name(), contractNumber))
                .orElseGet(() -> new CreditShare(partnerId, share.share(), null, null, null, null, contractNumber));
    }

    private List<IntroducerShare> sharesAt(ReferralEvent event, EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> domain)) {
            return sharesFromStream(event, Long.MAX_VALUE);
        }
        String referral = event.referralId().value();
        long sequence = domain.getSequenceNumber();
        Resolved before = lastResolved.get(referral);
        List<IntroducerShare> shares;
        if (before != null && before.sequence() == sequence) {
            shares = before.shares();
        } else if (before != null && before.sequence() == sequence - 1) {
            shares = after(before.shares(), event);
        } else if (event instanceof ReferralSubmitted || event instanceof FollowOnOpened
                || event instanceof CreditSplit) {
            shares = after(List.of(), event);
        } else {
            shares = sharesFromStream(event, sequence);
        }
        lastResolved.put(referral, new Resolved(sequence, shares));
        return shares;
    }

    private List<IntroducerShare> sharesFromStream(ReferralEvent event, long upTo) {
        List<IntroducerShare> shares = IntroducerShare.whole(event.partnerId());
        DomainEventStream stream = eventStore.readEvents(event.referralId().value());
        while (stream.hasNext()) {
            DomainEventMessage<?> earlier = stream.next();
            if (earlier.getSequenceNumber() > upTo) {
                break;
            }
            shares = after(shares, earlier.getPayload());
        }
        return shares;
    }

    /** The shares once this event happened. */
    private static List<IntroducerShare> after(List<IntroducerShare> shares, Object event) {
        if (event instanceof ReferralSubmitted submitted) {
            return IntroducerShare.whole(submitted.partnerId());
        } else if (event instanceof FollowOnOpened followOn) {
            return followOn.shares();
        } else if (event instanceof CreditSplit split) {
            return split.shares();
        } else if (event instanceof ReferralReassigned reassigned) {
            return IntroducerShare.reassigned(shares, reassigned.previousPartnerId(), reassigned.partnerId());
        }
        return shares;
    }

    /** A map that forgets its least recently used entry beyond {@code capacity}; safe across threads. */
    private static <K, V> Map<K, V> lastUsed(int capacity) {
        return Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        });
    }

    private static String idOrNull(PartnerId partnerId) {
        return partnerId == null ? null : partnerId.value();
    }
}
