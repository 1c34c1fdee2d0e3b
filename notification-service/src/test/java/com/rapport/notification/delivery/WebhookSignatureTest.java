package com.rapport.notification.delivery;

import com.rapport.notification.delivery.webhook.WebhookSignature;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    @Test
    void matchesTheExampleOfTheStandardWebhooksSpecification() {
        assertThat(WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aPlainSecretSignsWithItsOwnBytes() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("my plain secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal("id-1.1700000000.{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(WebhookSignature.sign("my plain secret", "id-1", 1700000000L, "{}")).isEqualTo(expected);
    }

    @Test
    void anyChangeOfIdTimeOrBodyChangesTheSignature() {
        String signature = WebhookSignature.sign("secret", "id-1", 1700000000L, "{}");

        assertThat(WebhookSignature.sign("secret", "id-2", 1700000000L, "{}")).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign("secret", "id-1", 1700000001L, "{}")).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign("secret", "id-1", 1700000000L, "{ }")).isNotEqualTo(signature);
    }
}
