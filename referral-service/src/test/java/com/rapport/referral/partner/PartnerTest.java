package com.rapport.referral.partner;

import com.rapport.support.domain.CommandRefused;
import com.rapport.support.id.PartnerId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static com.rapport.support.domain.Refusals.refused;

class PartnerTest {

    private static final PartnerId INTRODUCER = new PartnerId("introducer");
    private static final PartnerId NEWCOMER = new PartnerId("newcomer");
    /** The partner directory's answer for INTRODUCER, as {@link PartnerRegistration} puts it in the command. */
    private static final RegisteredPartner INTRODUCER_FOUND = new RegisteredPartner(INTRODUCER, "i@x.example");

    private AggregateTestFixture<Partner> fixture;

    @BeforeEach
    void setUp() {
        // no injected resources: the aggregate decides on what the command carries
        fixture = new AggregateTestFixture<>(Partner.class);
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
                .when(new RegisterPartner(NEWCOMER, "Ada", "ada@x.example", "zh", INTRODUCER)
                        .introducedBy(INTRODUCER_FOUND))
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
    void anIntroducerTheDirectoryAnsweredForAnotherIdIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPartner(NEWCOMER, "Ada", "ada@x.example", "en", new PartnerId("nobody"))
                        .introducedBy(INTRODUCER_FOUND))
                .expectNoEvents()
                .expectException(refused(CommandRefused.Reason.INVALID, UnknownPartnerException.SLUG));
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
                .expectException(refused(CommandRefused.Reason.INVALID, "unsupported-language"))
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
