package com.rapport.referral.relay;

import com.rapport.support.kafka.IntegrationEventPublisher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Relays every stored event to {@code referral-events}, in store order, as a CloudEvent whose id is the event's
 * own id. A tracking processor whose errors propagate: its token moves past an event only after Kafka acknowledged
 * it, so a crash or a broker outage re-sends, never skips (consumers deduplicate on the id).
 */
@Component
@ProcessingGroup(IntegrationEventRelay.GROUP)
// not @DisallowReplay: Axon starts a processor without a token as a replay up to the head, so the events stored
// before its first start would never be sent. A rebuild never resets this group (ReadModelReplay resets only the
// groups it is given).
public class IntegrationEventRelay {

    public static final String GROUP = "referral-relay";

    private final IntegrationEventMapper mapper;
    private final IntegrationEventPublisher publisher;

    public IntegrationEventRelay(IntegrationEventMapper mapper, IntegrationEventPublisher publisher) {
        this.mapper = mapper;
        this.publisher = publisher;
    }

    @EventHandler
    void relay(Object event, EventMessage<?> message) {
        publisher.publish(message.getIdentifier(), message.getTimestamp(), mapper.toIntegrationEvent(message));
    }
}
