package com.rapport.notification.directory;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** How the directory combines what partner events and the shares of referral events say of one partner. */
class PartnerContactTest {

    private static final Instant EARLIER = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-21T10:00:00Z");

    @Nested
    class WhatANewerEventSays {

        @Test
        void replacesWhatAnOlderOneSaid() {
            PartnerContact registered = new PartnerContact("p", "Ana", "ana@old.example", "en", "parent", EARLIER);
            PartnerContact updated = new PartnerContact("p", "Ana B", "ana@new.example", "zh", null, LATER);

            assertThat(registered.mergedWith(updated)).isEqualTo(
                    new PartnerContact("p", "Ana B", "ana@new.example", "zh", "parent", LATER));
        }

        @Test
        void replacesAContactKnownFromBeforeEventTimesWereKept() {
            PartnerContact stored = new PartnerContact("p", "Ana", "ana@old.example", "en", null);
            PartnerContact share = new PartnerContact("p", "Ana", "ana@old.example", "fr", "parent", EARLIER);

            assertThat(stored.mergedWith(share).language()).isEqualTo("fr");
            assertThat(stored.mergedWith(share).asOf()).isEqualTo(EARLIER);
        }
    }

    @Nested
    class WhatAnOlderEventSays {

        @Test
        void neverUndoesANewerOne() {
            PartnerContact updated = new PartnerContact("p", "Ana B", "ana@new.example", "zh", null, LATER);
            PartnerContact staleShare = new PartnerContact("p", "Ana", "ana@old.example", "en", "parent", EARLIER);

            PartnerContact merged = updated.mergedWith(staleShare);
            assertThat(merged.language()).isEqualTo("zh");
            assertThat(merged.email()).isEqualTo("ana@new.example");
            assertThat(merged.asOf()).isEqualTo(LATER);
        }

        @Test
        void stillFillsWhatTheNewerOneLeftOut() {
            PartnerContact updated = new PartnerContact("p", "Ana B", "ana@new.example", "zh", null, LATER);
            PartnerContact registered = new PartnerContact("p", "Ana", "ana@old.example", "en", "parent", EARLIER);

            assertThat(updated.mergedWith(registered).parentPartnerId()).isEqualTo("parent");
        }
    }

    @Test
    void eventTimesAreKeptToTheMillisecondAsTheStoreKeepsThem() {
        PartnerContact contact = new PartnerContact("p", null, null, null, null,
                Instant.parse("2026-11-20T10:00:00.123456789Z"));
        assertThat(contact.asOf()).isEqualTo(Instant.parse("2026-11-20T10:00:00.123Z"));
    }
}
