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

import java.util.function.Consumer;

/**
 * Consumes {@code referral-events} and {@code commission-events}. A record that cannot be decoded fails with
 * UnprocessableEventException and the shared error handler moves it to {@code <topic>.dlt}; any other failure (a
 * partner not known yet, MongoDB away) is retried with backoff, so a valid event is never dropped.
 */
@Component
class IntegrationEventsListener {

    private static final Logger log = LoggerFactory.getLogger(IntegrationEventsListener.class);

    private final CloudEventCodec codec;
    private final ReferralEventIntake referralEvents;
    private final CommissionEventIntake commissionEvents;

    IntegrationEventsListener(CloudEventCodec codec, ReferralEventIntake referralEvents,
                              CommissionEventIntake commissionEvents) {
        this.codec = codec;
        this.referralEvents = referralEvents;
        this.commissionEvents = commissionEvents;
    }

    @KafkaListener(topics = Topics.REFERRAL_EVENTS)
    void onReferralEvent(ConsumerRecord<String, byte[]> record) {
        deliver(record, referralEvents::accept);
    }

    @KafkaListener(topics = Topics.COMMISSION_EVENTS)
    void onCommissionEvent(ConsumerRecord<String, byte[]> record) {
        deliver(record, commissionEvents::accept);
    }

    private void deliver(ConsumerRecord<String, byte[]> record, Consumer<CloudEventCodec.Decoded> intake) {
        try {
            intake.accept(codec.decode(record.value()));
        } catch (PartnerNotYetKnownException | ReferralNotYetKnownException notYet) {
            log.info("{}-{}@{} waits: {}", record.topic(), record.partition(), record.offset(), notYet.getMessage());
            throw notYet;
        }
    }
}
