package com.rapport.notification.intake;

import com.rapport.events.CloudEventCodec;
import com.rapport.events.Topics;
import com.rapport.notification.directory.PartnerNotYetKnownException;
import com.rapport.notification.directory.ReferralNotYetKnownException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code referral-events}. A record that cannot be decoded fails with UnprocessableEventException and the
 * shared error handler moves it to {@code referral-events.dlt}; any other failure (a partner not known yet, MongoDB
 * away) is retried with backoff, so a valid event is never dropped.
 */
@Component
class ReferralEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ReferralEventsListener.class);

    private final CloudEventCodec codec;
    private final ReferralEventIntake intake;

    ReferralEventsListener(CloudEventCodec codec, ReferralEventIntake intake) {
        this.codec = codec;
        this.intake = intake;
    }

    @KafkaListener(topics = Topics.REFERRAL_EVENTS)
    void on(ConsumerRecord<String, byte[]> record) {
        try {
            intake.accept(codec.decode(record.value()));
        } catch (PartnerNotYetKnownException | ReferralNotYetKnownException notYet) {
            log.info("{}-{}@{} waits: {}", record.topic(), record.partition(), record.offset(), notYet.getMessage());
            throw notYet;
        }
    }
}
