package com.rapport.notification.message;

import com.rapport.events.money.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MessageRendererTest {

    private final MessageRenderer renderer = new MessageRenderer(Bundles.asConfigured());
    private final Addressee alice = new Addressee("Alice Martin", Language.EN, ZoneId.of("UTC"));

    @Test
    void aPaymentSaysWhoPaidHowMuchWhenAndWhatWasReceivedSoFar() {
        RenderedMessage message = renderer.render(Message.of("referral.payment-received", "Acme Ltd",
                Money.of("3333.33", "EUR"), new Term("payment-kind.DEPOSIT"),
                Instant.parse("2026-11-20T12:00:00Z"), Money.of("6666.66", "EUR")), alice);

        assertThat(message.subject()).isEqualTo("Payment received from Acme Ltd");
        assertThat(message.paragraphs()).containsExactly(
                "Acme Ltd paid €3,333.33 (deposit) on November 20, 2026. Received from this client so far: €6,666.66.");
    }

    @Test
    void anEmailIsTheMessageWithAGreetingAndASignOff() {
        List<String> letter = renderer.letter(List.of("First.", "Second."), alice);

        assertThat(letter).containsExactly("Hello Alice Martin,", "First.", "Second.",
                "Kind regards,\nThe Rapport team");
        assertThat(new RenderedMessage("Subject", letter).body())
                .isEqualTo("Hello Alice Martin,\n\nFirst.\n\nSecond.\n\nKind regards,\nThe Rapport team");
    }

    @Test
    void datesAreShownInThePartnersTimeZone() {
        Addressee inShanghai = new Addressee("Wang Fang", Language.EN, ZoneId.of("Asia/Shanghai"));

        RenderedMessage message = renderer.render(Message.of("referral.contract-signed", "Acme Ltd",
                Money.of("10000.00", "EUR"), Instant.parse("2026-11-20T20:00:00Z"), 3), inShanghai);

        assertThat(message.paragraphs().get(0))
                .isEqualTo("Acme Ltd signed a contract worth €10,000.00 on November 21, 2026. "
                        + "It is your signed contract number 3.");
    }

    @Test
    void furtherParagraphsFollowTheBodyInOrder() {
        RenderedMessage message = renderer.render(Message.of("referral.milestone-reached", "Acme Ltd", "Beta")
                .with("referral.milestone-reached.note", "Ahead of plan"), alice);

        assertThat(message.paragraphs()).containsExactly("The project for Acme Ltd reached the milestone “Beta”.",
                "Note: Ahead of plan");
    }

    @Test
    void aTermThisVersionHasNoWordForIsShownAsItCame() {
        RenderedMessage message = renderer.render(Message.of("referral.lost", "Acme Ltd",
                new Term("referral-status.ON_HOLD"), "Budget cut"), alice);

        assertThat(message.paragraphs().get(0)).contains("while it was ON_HOLD. Reason: Budget cut");
    }
}
