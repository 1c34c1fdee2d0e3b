package com.rapport.events;

/**
 * The data of one integration event. Every payload names its CloudEvent {@code subject}, which is also the
 * Kafka record key: the referral for referral events, the partner for partner and commission events.
 */
public interface IntegrationEvent {

    String subject();
}
