package com.rapport.events;

import com.rapport.events.commission.PayoutCancelledV1;
import com.rapport.events.referral.ReferralDeliveredV1;
import com.rapport.events.referral.ReferralQualifiedV1;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventHandlersTest {

    private final CloudEventCodec codec = new CloudEventCodec("/referral-service");
    private final List<String> handled = new ArrayList<>();

    private final EventHandlers handlers = EventHandlers.builder()
            .on(ReferralQualifiedV1.class, (event, qualified) ->
                    handled.add("qualified " + qualified.referralId() + " " + event.eventId()))
            .on(ReferralDeliveredV1.class, (event, delivered) -> handled.add("delivered " + delivered.referralId()))
            .otherwise(event -> handled.add("ignored " + event.type().type()));

    @Test
    void eachEventGoesToTheHandlerOfItsTypeWithItsTypedPayload() {
        handlers.dispatch(received("e-1", new ReferralQualifiedV1("r-1", "p-1")));
        handlers.dispatch(received("e-2", new ReferralDeliveredV1("r-2", "p-1")));

        assertThat(handled).containsExactly("qualified r-1 e-1", "delivered r-2");
    }

    @Test
    void aTypeWithoutHandlerGoesToTheFallback() {
        handlers.dispatch(received("e-3", new PayoutCancelledV1("b-1")));

        assertThat(handled).containsExactly("ignored rapport.commission.payout-cancelled.v1");
    }

    @Test
    void twoHandlersForOneTypeAreRefused() {
        assertThatThrownBy(() -> EventHandlers.builder()
                .on(ReferralQualifiedV1.class, (event, qualified) -> { })
                .on(ReferralQualifiedV1.class, (event, qualified) -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ReferralQualifiedV1");
    }

    private CloudEventCodec.Decoded received(String id, IntegrationEvent payload) {
        return codec.decode(codec.encode(id, Instant.parse("2026-11-20T10:00:00Z"), payload));
    }
}
