package com.rapport.notification.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.rapport.events.EventType;
import com.rapport.events.IntegrationEvent;
import com.rapport.events.commission.CommissionAccruedV1;
import com.rapport.events.commission.CommissionAdjustedV1;
import com.rapport.events.commission.CommissionRole;
import com.rapport.events.commission.DisputeOpenedV1;
import com.rapport.events.commission.DisputeResolvedV1;
import com.rapport.events.commission.EntryHeldV1;
import com.rapport.events.commission.EntryReleasedV1;
import com.rapport.events.commission.InvoiceIssuedV1;
import com.rapport.events.commission.PayoutPaidV1;
import com.rapport.events.money.Money;
import com.rapport.events.referral.Client;
import com.rapport.events.referral.ContractAmendedV1;
import com.rapport.events.referral.CreditShare;
import com.rapport.events.referral.CreditSplitV1;
import com.rapport.events.referral.FollowOnOpenedV1;
import com.rapport.events.referral.PartnerUpdatedV1;
import com.rapport.events.referral.PaymentKind;
import com.rapport.events.referral.PaymentReceivedV1;
import com.rapport.events.referral.ReferralQualifiedV1;
import com.rapport.events.referral.ReferralSubmittedV1;
import com.rapport.notification.IntegrationTest;
import com.rapport.notification.Mailbox;
import com.rapport.notification.TestPartner;
import com.rapport.notification.directory.PartnerDirectory;
import com.rapport.notification.directory.PartnerContact;
import com.rapport.testsupport.TestTokens;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9: referral events carry each co-introducer's share with its name, email and language; every co-introducer
 * is told in its own language without any partner event having to arrive first; {@code partner.updated} changes
 * the language and address used from then on; commission events are addressed from the directory those feed.
 */
class SharedReferralNotificationsTest extends IntegrationTest {

    private static final String NBSP = "\u00a0";

    @Autowired
    private PartnerDirectory partners;

    /** A co-introducer that only the shares describe: no partner event for it is ever published here. */
    private record CoIntroducer(String partnerId, String name, Mailbox mailbox, String language) {

        static CoIntroducer describedOnlyByShares(String name, String language) {
            String id = UUID.randomUUID().toString();
            return new CoIntroducer(id, name, new Mailbox("co-" + id + "@example.com"), language);
        }

        CreditShare share(String share) {
            return new CreditShare(partnerId, new BigDecimal(share), null, language, mailbox.address(), name, null);
        }

        String token() {
            return TestTokens.shared().partner(partnerId);
        }
    }

    private static CreditShare shareOf(TestPartner partner, String share, String language) {
        return new CreditShare(partner.partnerId(), new BigDecimal(share), null, language,
                partner.mailbox().address(), partner.name(), null);
    }

    private static List<String> subjects(Mailbox mailbox) {
        return mailbox.messages().stream().map(Mailbox::subject).toList();
    }

    private List<JsonNode> listOf(String token) {
        JsonNode page = web.get().uri("/api/notifications?size=200").headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        return StreamSupport.stream(page.path("items").spliterator(), false).toList();
    }

    @Nested
    class ASplitReferral {

        @Test
        void isToldToEveryCoIntroducerInItsOwnLanguageWithoutWaitingForItsPartnerEvent() {
            String client = "Shared Works " + UUID.randomUUID().toString().substring(0, 8);
            TestPartner referrer = TestPartner.register("Ada Referrer", "en");
            CoIntroducer bruno = CoIntroducer.describedOnlyByShares("Bruno Martin", "fr");
            CoIntroducer mei = CoIntroducer.describedOnlyByShares("Li Mei", "zh");
            String referral = UUID.randomUUID().toString();
            KAFKA.publish(new ReferralSubmittedV1(referral, referrer.partnerId(),
                    new Client(client, "Jo", "jo@shared.example"), "Platform", null,
                    List.of(shareOf(referrer, "1", "en"))));
            List<CreditShare> shares = List.of(shareOf(referrer, "0.5", "en"), bruno.share("0.3"), mei.share("0.2"));
            KAFKA.publish(new CreditSplitV1(referral, referrer.partnerId(), shares));
            KAFKA.publish(new ReferralQualifiedV1(referral, referrer.partnerId(), shares));

            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(subjects(referrer.mailbox())).containsExactlyInAnyOrder("Referral received: " + client,
                        "Referral credit shared: " + client, client + " is qualified");
                assertThat(subjects(bruno.mailbox())).containsExactlyInAnyOrder(
                        "Recommandation partagée" + NBSP + ": " + client,
                        "Recommandation qualifiée" + NBSP + ": " + client);
                assertThat(subjects(mei.mailbox())).containsExactlyInAnyOrder("推荐业绩已分配：" + client,
                        "推荐已通过资格审核：" + client);
            });
            String brunoSplit = Mailbox.plainText(bruno.mailbox().messages().stream()
                    .filter(m -> Mailbox.subject(m).startsWith("Recommandation partagée")).findFirst().orElseThrow());
            assertThat(brunoSplit).contains("Bonjour Bruno Martin,", "entre 3 partenaires",
                    "Votre part est de 30" + NBSP + "%.");
            assertThat(listOf(mei.token())).extracting(n -> n.path("language").asText()).containsOnly("zh");
            assertThat(listOf(mei.token())).allSatisfy(n -> assertThat(n.path("referralId").asText())
                    .isEqualTo(referral));
        }

        @Test
        void givesEachCoIntroducerItsOwnCommissionAndAmendments() {
            String client = "Split Pay " + UUID.randomUUID().toString().substring(0, 8);
            TestPartner referrer = TestPartner.register("Ben Referrer", "en");
            CoIntroducer claire = CoIntroducer.describedOnlyByShares("Claire Roy", "fr");
            String referral = UUID.randomUUID().toString();
            List<CreditShare> shares = List.of(shareOf(referrer, "0.6", "en"), claire.share("0.4"));
            KAFKA.publish(new ReferralSubmittedV1(referral, referrer.partnerId(),
                    new Client(client, "Jo", "jo@split.example"), "Platform", null, shares));
            String payment = UUID.randomUUID().toString();
            KAFKA.publish(payment, new PaymentReceivedV1(referral, referrer.partnerId(), "p1",
                    Money.of("1000.00", "EUR"), PaymentKind.DEPOSIT, Instant.parse("2026-11-21T09:00:00Z"),
                    Money.of("1000.00", "EUR"), shares));
            await().atMost(PATIENCE).until(() -> claire.mailbox().messages().size() == 2);
            KAFKA.publish(accrued(referral, referrer.partnerId(), "60.00", payment));
            KAFKA.publish(accrued(referral, claire.partnerId(), "40.00", payment));
            KAFKA.publish(new ContractAmendedV1(referral, referrer.partnerId(), "am-1",
                    Money.of("12000.00", "EUR"), Money.of("22000.00", "EUR"), "Second phase",
                    Instant.parse("2026-11-25T09:00:00Z"), shares));

            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(subjects(referrer.mailbox())).contains("Commission earned: " + client,
                        "Contract amended: " + client);
                assertThat(subjects(claire.mailbox())).contains("Commission gagnée" + NBSP + ": " + client,
                        "Contrat modifié" + NBSP + ": " + client);
            });
            assertThat(Mailbox.plainText(claire.mailbox().messages().stream()
                    .filter(m -> Mailbox.subject(m).startsWith("Commission gagnée")).findFirst().orElseThrow()))
                    .contains("commission de 40,00" + NBSP + "€");
            assertThat(Mailbox.plainText(referrer.mailbox().messages().stream()
                    .filter(m -> Mailbox.subject(m).startsWith("Contract amended")).findFirst().orElseThrow()))
                    .contains("The " + client + " project grew by €12,000.00 on November 25, 2026.");
        }

        @Test
        void aFollowOnIsToldToEveryCoIntroducer() {
            String client = "Again Ltd " + UUID.randomUUID().toString().substring(0, 8);
            TestPartner referrer = TestPartner.register("Cy Referrer", "en");
            CoIntroducer dora = CoIntroducer.describedOnlyByShares("Dora Lee", "en");
            String followOn = UUID.randomUUID().toString();
            KAFKA.publish(new FollowOnOpenedV1(followOn, referrer.partnerId(), UUID.randomUUID().toString(),
                    new Client(client, "Jo", "jo@again.example"), "Phase 2", Money.of("5000.00", "EUR"),
                    List.of(shareOf(referrer, "0.5", "en"), dora.share("0.5"))));

            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(subjects(referrer.mailbox())).containsExactly("Follow-on opened: " + client);
                assertThat(subjects(dora.mailbox())).containsExactly("Follow-on opened: " + client);
            });
            assertThat(Mailbox.plainText(dora.mailbox().messages().get(0))).contains("Phase 2",
                    "Estimated value: €5,000.00.");
        }
    }

    @Nested
    class APartnerUpdate {

        @Test
        void changesTheLanguageAndAddressOfTheNotificationsThatFollow() {
            TestPartner partner = TestPartner.register("Eva Moves", "en");
            String client = "Relocated " + UUID.randomUUID().toString().substring(0, 8);
            String referral = partner.refers(client);
            await().atMost(PATIENCE).until(() -> partner.mailbox().messages().size() == 1);
            Mailbox newInbox = new Mailbox("eva-new-" + UUID.randomUUID() + "@example.com");

            KAFKA.publish(new PartnerUpdatedV1(partner.partnerId(), "Eva Moves", newInbox.address(), "zh"));
            await().atMost(PATIENCE).until(() -> "zh".equals(partners.find(partner.id())
                    .map(PartnerContact::language).orElse(null)));
            KAFKA.publish(new ReferralQualifiedV1(referral, partner.partnerId()));

            await().atMost(PATIENCE).until(() -> newInbox.messages().size() == 1);
            assertThat(Mailbox.subject(newInbox.messages().get(0))).isEqualTo("推荐已通过资格审核：" + client);
            assertThat(partner.mailbox().messages()).hasSize(1);
            assertThat(partners.find(partner.id()).orElseThrow().parentPartnerId()).isNull();
        }

        @Test
        void isNotUndoneByTheSharesOfAnOlderReferralEventConsumedAfterIt() {
            TestPartner partner = TestPartner.register("Finn Late", "en");
            String referral = partner.refers("Older Event Co");
            Instant updatedAt = Instant.now().plusSeconds(5);
            publishAt(updatedAt, new PartnerUpdatedV1(partner.partnerId(), "Finn Late", "finn-new@example.com",
                    "fr"));
            await().atMost(PATIENCE).until(() -> "fr".equals(partners.find(partner.id())
                    .map(PartnerContact::language).orElse(null)));

            // written before the update (its shares say what was true then), consumed after it
            publishAt(updatedAt.minusSeconds(60), new ReferralQualifiedV1(referral, partner.partnerId(),
                    List.of(shareOf(partner, "1", "en"))));
            await().atMost(PATIENCE).until(() -> !listOf(partner.token()).isEmpty()
                    && listOf(partner.token()).get(0).path("eventType").asText()
                    .equals("rapport.referral.qualified.v1"));

            PartnerContact known = partners.find(partner.id()).orElseThrow();
            assertThat(known.language()).isEqualTo("fr");
            assertThat(known.email()).isEqualTo("finn-new@example.com");
            assertThat(listOf(partner.token()).get(0).path("language").asText()).isEqualTo("fr");
        }
    }

    @Nested
    class ACommissionEvent {

        @Test
        void forAPartnerNoEventDescribedYetIsListedAtOnceAndEmailedOnceItIsRegistered() {
            String partnerId = UUID.randomUUID().toString();
            Mailbox inbox = new Mailbox("payee-" + partnerId + "@example.com");
            KAFKA.publish(new PayoutPaidV1("batch-" + partnerId, partnerId, Money.of("250.00", "EUR")));

            await().atMost(PATIENCE).until(() -> listOf(TestTokens.shared().partner(partnerId)).size() == 1);
            assertThat(listOf(TestTokens.shared().partner(partnerId)).get(0).path("subject").asText())
                    .isEqualTo("Commission paid: €250.00");
            assertThat(inbox.messages()).isEmpty();

            KAFKA.publish(new com.rapport.events.referral.PartnerRegisteredV1(partnerId, "Gil Payee",
                    inbox.address(), "en", null));
            await().atMost(PATIENCE).until(() -> inbox.messages().size() == 1);
            assertThat(Mailbox.plainText(inbox.messages().get(0))).contains("Hello Gil Payee,",
                    "We have paid you €250.00 in commission.");
        }

        @Test
        void forAPartnerKnownOnlyFromSharesIsToldInTheLanguageTheSharesGave() {
            CoIntroducer hugo = CoIntroducer.describedOnlyByShares("Hugo Blanc", "fr");
            TestPartner referrer = TestPartner.register("Ida Referrer", "en");
            String referral = UUID.randomUUID().toString();
            KAFKA.publish(new ReferralSubmittedV1(referral, referrer.partnerId(),
                    new Client("Known By Share SA", "Jo", "jo@share.example"), "x", null,
                    List.of(shareOf(referrer, "0.5", "en"), hugo.share("0.5"))));
            await().atMost(PATIENCE).until(() -> hugo.mailbox().messages().size() == 1);

            KAFKA.publish(new EntryHeldV1("entry-1", hugo.partnerId(), "Client disputes the invoice"));
            KAFKA.publish(new EntryReleasedV1("entry-1", hugo.partnerId(), "Settled"));
            KAFKA.publish(new DisputeOpenedV1("d-1", "entry-1", hugo.partnerId(), null, null));
            KAFKA.publish(new DisputeResolvedV1("d-1", "entry-1", hugo.partnerId(), "UPHELD", "Corrected"));
            KAFKA.publish(new CommissionAdjustedV1("entry-2", null, "d-1", hugo.partnerId(), referral,
                    Money.of("25.00", "EUR"), "Dispute upheld", "finance-1"));
            KAFKA.publish(new InvoiceIssuedV1("SB-2026-0042", "batch-1", hugo.partnerId(), "EUR",
                    Money.of("100.00", "EUR"), Money.of("20.00", "EUR"), Money.of("120.00", "EUR")));

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(subjects(hugo.mailbox())).contains(
                    "Commission suspendue", "Commission libérée", "Contestation ouverte",
                    "Contestation traitée" + NBSP + ": acceptée", "Commission ajustée" + NBSP + ": 25,00" + NBSP + "€",
                    "Facture d'autofacturation SB-2026-0042"));
            assertThat(Mailbox.plainText(hugo.mailbox().messages().stream()
                    .filter(m -> Mailbox.subject(m).startsWith("Commission ajustée")).findFirst().orElseThrow()))
                    .contains("Known By Share SA");
            assertThat(listOf(hugo.token())).extracting(n -> n.path("eventType").asText()).contains(
                    EventType.ENTRY_HELD.type(), EventType.INVOICE_ISSUED.type(), EventType.DISPUTE_RESOLVED.type());
        }
    }

    private static CommissionAccruedV1 accrued(String referral, String partnerId, String amount, String source) {
        return new CommissionAccruedV1(UUID.randomUUID().toString(), referral, partnerId, CommissionRole.INTRODUCER,
                Money.of(amount, "EUR"), new BigDecimal("0.10"), Money.of("1000.00", "EUR"),
                LocalDate.of(2026, 12, 5), "a share of a payment", source);
    }

    private static void publishAt(Instant time, IntegrationEvent payload) {
        KAFKA.publishAt(time, payload);
    }
}
