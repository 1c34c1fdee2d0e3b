package com.rapport.referral.partner;

import com.rapport.support.id.PartnerId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

class PartnerTest {

    private static final PartnerId INTRODUCER = new PartnerId("introducer");
    private static final PartnerId NEWCOMER = new PartnerId("newcomer");

    private AggregateTestFixture<Partner> fixture;

    @BeforeEach
    void setUp() {
        Map<PartnerId, RegisteredPartner> known = Map.of(INTRODUCER, new RegisteredPartner(INTRODUCER, "i@x.example"));
        fixture = new AggregateTestFixture<>(Partner.class);
        fixture.registerInjectableResource((PartnerDirectory) id -> Optional.ofNullable(known.get(id)));
    }

    @Test
    void aPartnerIsRegisteredWithItsLanguage() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPartner(NEWCOMER, " Ada Lovelace ", "ada@x.example", "fr", null))
                .expectEvents(new PartnerRegistered(NEWCOMER, "Ada Lovelace", "ada@x.example", "fr", null));
    }

    @Test
    void aPartnerMayBeIntroducedByAnExistingPartner() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPartner(NEWCOMER, "Ada", "ada@x.example", "zh", INTRODUCER))
                .expectEvents(new PartnerRegistered(NEWCOMER, "Ada", "ada@x.example", "zh", INTRODUCER));
    }

    @Test
    void anIntroducerThatDoesNotExistIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPartner(NEWCOMER, "Ada", "ada@x.example", "en", new PartnerId("nobody")))
                .expectNoEvents()
                .expectException(UnknownPartnerException.class);
    }

    @Test
    void aPartnerCannotBeItsOwnIntroducer() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPartner(NEWCOMER, "Ada", "ada@x.example", "en", NEWCOMER))
                .expectNoEvents()
                .expectException(UnknownPartnerException.class);
    }

    @Test
    void aLanguageOtherThanEnglishFrenchOrChineseIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPartner(NEWCOMER, "Ada", "ada@x.example", "de", null))
                .expectNoEvents()
                .expectExceptionMessage("language must be one of [en, fr, zh]");
    }

    @Nested
    class Updating {

        private final PartnerRegistered registered =
                new PartnerRegistered(NEWCOMER, "Ada", "ada@x.example", "en", INTRODUCER);

        @Test
        void aPartnerChangesItsNameAddressAndLanguage() {
            fixture.given(registered)
                    .when(new UpdatePartner(NEWCOMER, " Ada King ", " ada@king.example ", "fr"))
                    .expectEvents(new PartnerUpdated(NEWCOMER, "Ada King", "ada@king.example", "fr"));
        }

        @Test
        void theSameValuesAgainChangeNothing() {
            fixture.given(registered, new PartnerUpdated(NEWCOMER, "Ada King", "ada@king.example", "fr"))
                    .when(new UpdatePartner(NEWCOMER, "Ada King", "ada@king.example", "fr"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anUnsupportedLanguageIsRefused() {
            fixture.given(registered)
                    .when(new UpdatePartner(NEWCOMER, "Ada", "ada@x.example", "de"))
                    .expectNoEvents()
                    .expectExceptionMessage("language must be one of [en, fr, zh]");
        }

        @Test
        void aPartnerThatWasNeverRegisteredCannotBeUpdated() {
            fixture.givenNoPriorActivity()
                    .when(new UpdatePartner(NEWCOMER, "Ada", "ada@x.example", "en"))
                    .expectNoEvents()
                    .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
        }
    }
}
