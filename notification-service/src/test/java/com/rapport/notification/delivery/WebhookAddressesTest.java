package com.rapport.notification.delivery;

import com.rapport.notification.delivery.webhook.WebhookAddresses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8083/actuator", "http://localhost/hook", "http://10.1.2.3/hook",
            "http://192.168.0.10/hook", "http://172.16.5.5/hook", "http://169.254.169.254/latest/meta-data",
            "http://0.0.0.0/hook", "http://[::1]/hook", "http://[fd12:3456::1]/hook"})
    void aPartnerCannotPointTheServiceAtWhatOnlyTheServiceCanReach(String url) {
        assertThat(WebhookAddresses.refusal(URI.create(url), false)).hasValueSatisfying(
                reason -> assertThat(reason).contains("non-public address"));
    }

    @Test
    void aPublicAddressMayBeCalled() {
        assertThat(WebhookAddresses.refusal(URI.create("https://93.184.215.14/hooks/rapport"), false)).isEmpty();
    }

    @Test
    void privateAddressesMayBeCalledWhereReceiversAreLocal() {
        assertThat(WebhookAddresses.refusal(URI.create("http://127.0.0.1:9999/hook"), true)).isEmpty();
    }

    @Test
    void onlyHttpIsCalled() {
        assertThat(WebhookAddresses.refusal(URI.create("file:///etc/passwd"), true)).isPresent();
        assertThat(WebhookAddresses.refusal(URI.create("gopher://93.184.215.14/"), false)).isPresent();
    }
}
