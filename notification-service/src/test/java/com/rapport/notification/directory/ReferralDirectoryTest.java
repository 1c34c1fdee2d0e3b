package com.rapport.notification.directory;

import com.rapport.events.money.Money;
import com.rapport.notification.IntegrationTest;
import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The referral files as stored: the contract value in the shared money shape, and files signed before it. */
class ReferralDirectoryTest extends IntegrationTest {

    @Autowired
    private ReferralDirectory referrals;
    @Autowired
    private ReactiveMongoTemplate mongo;

    private final ReferralId referralId = ReferralId.of(UUID.randomUUID().toString());
    private final PartnerId partnerId = PartnerId.of(UUID.randomUUID().toString());

    @Nested
    class AContractSignedNow {

        @Test
        void isKeptAsADecimalAndItsCurrency() {
            referrals.record(referralId, partnerId, "Acme Ltd", List.of());
            referrals.contractSigned(referralId, "event-1", Money.of("12500.50", "EUR"));

            Document stored = stored();
            assertThat(stored.get("contractValue", Document.class))
                    .isEqualTo(new Document("amount", new Decimal128(new BigDecimal("12500.50")))
                            .append("currency", "EUR"));
            assertThat(stored).doesNotContainKeys("contractAmount", "contractCurrency");
            assertThat(referrals.find(referralId).orElseThrow().signedContractValue())
                    .contains(Money.of("12500.50", "EUR"));
        }

        @Test
        void isNotThereBeforeTheSigning() {
            referrals.record(referralId, partnerId, "Acme Ltd", List.of());

            assertThat(referrals.find(referralId).orElseThrow().signedContractValue()).isEmpty();
        }
    }

    @Nested
    class AFileSignedBeforeTheSharedMoneyShape {

        /** As the directory wrote it then: the value as a decimal string and a currency code. */
        private void storedTheOldWay(String amount, String currency) {
            mongo.insert(new Document("_id", referralId.value()).append("partnerId", partnerId.value())
                    .append("clientCompany", "Old Client SA").append("contractEventId", "old-event")
                    .append("contractAmount", amount).append("contractCurrency", currency), "referrals").block();
        }

        @Test
        void stillReadsItsContractValue() {
            storedTheOldWay("8000.00", "CHF");

            ReferralFile file = referrals.find(referralId).orElseThrow();
            assertThat(file.signedContractValue()).contains(Money.of("8000.00", "CHF"));
            assertThat(file.contractEventId()).isEqualTo("old-event");
            assertThat(file.clientCompany()).isEqualTo("Old Client SA");
            assertThat(file.shareOf(partnerId)).isEqualByComparingTo(BigDecimal.ONE);
        }

        @Test
        void takesTheSharedShapeWhenItsContractIsAmended() {
            storedTheOldWay("8000.00", "CHF");

            referrals.contractAmended(referralId, Money.of("9500.00", "CHF"));

            assertThat(referrals.find(referralId).orElseThrow().signedContractValue())
                    .contains(Money.of("9500.00", "CHF"));
            assertThat(stored()).doesNotContainKeys("contractAmount", "contractCurrency")
                    .containsEntry("contractEventId", "old-event");
        }
    }

    private Document stored() {
        return mongo.findOne(query(where("_id").is(referralId.value())), Document.class, "referrals").block();
    }
}
