package com.rapport.notification.intake;

import com.rapport.events.CloudEventCodec;
import com.rapport.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

/**
 * Consumes {@code referral-events} and {@code commission-events}. A record that cannot be decoded fails with
 * UnprocessableEventException and the shared error handler moves it to {@code <topic>.dlt}; any other failure
 * (MongoDB away) is retried with backoff, so a valid event is never dropped. Nothing here waits for another
 * partition: a partner or referral not known yet is told without its name (see the intakes).
 */
@Component
class IntegrationEventsListener {

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
        intake.accept(codec.decode(record.value()));
    }
}
