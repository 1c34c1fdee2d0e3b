package com.rapport.commission.intake;

import com.rapport.events.CloudEventCodec;
import com.rapport.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code referral-events}. A record that cannot be decoded throws UnprocessableEventException and the
 * shared error handler dead-letters it; any other failure is retried with backoff, so a valid event is never lost.
 */
@Component
class ReferralEventListener {

    private final CloudEventCodec codec;
    private final ReferralEventIntake intake;

    ReferralEventListener(CloudEventCodec codec, ReferralEventIntake intake) {
        this.codec = codec;
        this.intake = intake;
    }

    @KafkaListener(id = "commission-intake", topics = Topics.REFERRAL_EVENTS,
            groupId = "${spring.kafka.consumer.group-id}",
            concurrency = "${rapport.commission.intake-concurrency:1}")
    void onRecord(ConsumerRecord<String, byte[]> record) {
        intake.apply(codec.decode(record.value()));
    }
}
