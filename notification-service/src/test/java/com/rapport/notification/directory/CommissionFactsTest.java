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
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Rate locks and introducer commissions as stored: money in the shared shape, and facts stored before it. */
class CommissionFactsTest extends IntegrationTest {

    @Autowired
    private CommissionFacts facts;
    @Autowired
    private ReactiveMongoTemplate mongo;

    private final ReferralId referralId = ReferralId.of(UUID.randomUUID().toString());
    private final PartnerId partnerId = PartnerId.of(UUID.randomUUID().toString());

    @Nested
    class ARateLock {

        @Test
        void keepsItsCapAsADecimalAndItsCurrency() {
            facts.record(RateLock.of(referralId, partnerId, new BigDecimal("0.10"), Money.of("750.00", "EUR")));

            Document stored = stored("rate-locks", RateLock.idOf(referralId, partnerId));
            assertThat(stored.get("cap", Document.class)).isEqualTo(money("750.00", "EUR"));
            assertThat(stored).doesNotContainKeys("capAmount", "capCurrency");
            assertThat(facts.rateLockOf(referralId, partnerId).orElseThrow().expectedOn(Money.of("10000.00", "EUR")))
                    .isEqualTo(Money.of("750.00", "EUR"));
        }

        @Test
        void storedWithItsCapAsStringsStillCapsAndCanBeClaimed() {
            String id = RateLock.idOf(referralId, partnerId);
            mongo.insert(new Document("_id", id).append("referralId", referralId.value())
                    .append("partnerId", partnerId.value()).append("rate", "0.10")
                    .append("capAmount", "750.00").append("capCurrency", "EUR"), "rate-locks").block();

            RateLock lock = facts.rateLockOf(referralId, partnerId).orElseThrow();
            assertThat(lock.cap()).isEqualTo(Money.of("750.00", "EUR"));
            assertThat(lock.expectedOn(Money.of("10000.00", "EUR"))).isEqualTo(Money.of("750.00", "EUR"));
            assertThat(facts.claim(lock, "notification-1")).isTrue();
            assertThat(facts.claim(lock, "notification-2")).isFalse();
        }
    }

    @Nested
    class AnIntroducerCommission {

        private final String paymentEventId = "payment-" + UUID.randomUUID();

        @Test
        void keepsItsAmountAsADecimalAndItsCurrency() {
            facts.record(IntroducerCommission.of(paymentEventId, referralId, partnerId, Money.of("333.33", "EUR"),
                    LocalDate.parse("2027-01-31")));

            Document stored = stored("introducer-commissions", IntroducerCommission.idOf(paymentEventId, partnerId));
            assertThat(stored.get("commission", Document.class)).isEqualTo(money("333.33", "EUR"));
            assertThat(stored).doesNotContainKeys("amount", "currency");
            IntroducerCommission read = facts.introducerCommissionFrom(paymentEventId, partnerId).orElseThrow();
            assertThat(read.money()).isEqualTo(Money.of("333.33", "EUR"));
            assertThat(read.payableOn()).isEqualTo(LocalDate.parse("2027-01-31"));
        }

        @Test
        void storedWithItsAmountAsStringsStillReads() {
            mongo.insert(new Document("_id", IntroducerCommission.idOf(paymentEventId, partnerId))
                    .append("sourceEventId", paymentEventId).append("referralId", referralId.value())
                    .append("partnerId", partnerId.value()).append("amount", "333.33").append("currency", "EUR")
                    .append("payableAt", "2027-01-31"), "introducer-commissions").block();

            IntroducerCommission read = facts.introducerCommissionFrom(paymentEventId, partnerId).orElseThrow();
            assertThat(read.money()).isEqualTo(Money.of("333.33", "EUR"));
            assertThat(read.referral()).isEqualTo(referralId);
        }
    }

    private static Document money(String amount, String currency) {
        return new Document("amount", new Decimal128(new BigDecimal(amount))).append("currency", currency);
    }

    private Document stored(String collection, String id) {
        return mongo.findOne(query(where("_id").is(id)), Document.class, collection).block();
    }
}
