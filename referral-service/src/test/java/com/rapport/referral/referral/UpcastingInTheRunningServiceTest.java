package com.rapport.referral.referral;

import com.rapport.referral.support.ReferralServiceIntegrationTest;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The running service's event store reads the old shape through its own serializer and upcaster chain. */
class UpcastingInTheRunningServiceTest extends ReferralServiceIntegrationTest {

    @Autowired
    private Configuration axon;

    @Test
    void theServiceReadsARevision1SubmissionAsTheCurrentShape() {
        DomainEventMessage<?> read = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(ReferralSubmittedUpcasterTest.storedRevision1()), axon.eventSerializer(),
                axon.upcasterChain()).next();
        ReferralSubmitted submitted = (ReferralSubmitted) read.getPayload();
        assertThat(submitted.client()).isEqualTo(new ReferredClient("Acme Ltd", "Li Wei", "li@acme.example"));
        assertThat(submitted.estimatedValue().toString()).isEqualTo("80000.00 CNY");
    }
}
