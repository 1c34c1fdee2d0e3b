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
 * Consumes {@code commission-events}: undecodable records go to {@code commission-events.dlt}; an entry about a
 * referral or partner not known yet (they come on {@code referral-events}) is retried with backoff.
 */
@Component
class CommissionEventsListener {

    private static final Logger log = LoggerFactory.getLogger(CommissionEventsListener.class);

    private final CloudEventCodec codec;
    private final CommissionEventIntake intake;

    CommissionEventsListener(CloudEventCodec codec, CommissionEventIntake intake) {
        this.codec = codec;
        this.intake = intake;
    }

    @KafkaListener(topics = Topics.COMMISSION_EVENTS)
    void on(ConsumerRecord<String, byte[]> record) {
        try {
            intake.accept(codec.decode(record.value()));
        } catch (PartnerNotYetKnownException | ReferralNotYetKnownException notYet) {
            log.info("{}-{}@{} waits: {}", record.topic(), record.partition(), record.offset(), notYet.getMessage());
            throw notYet;
        }
    }
}
