package com.rapport.notification.delivery;

import com.rapport.notification.delivery.webhook.WebhookAddresses;
import com.rapport.notification.delivery.webhook.WebhookHostResolver;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookAddressesTest {

    @Nested
    class APartnerCannotPointTheServiceAt {

        @ParameterizedTest
        @ValueSource(strings = {"http://127.0.0.1:8083/actuator", "http://localhost/hook", "http://10.1.2.3/hook",
                "http://192.168.0.10/hook", "http://172.16.5.5/hook", "http://169.254.169.254/latest/meta-data",
                "http://0.0.0.0/hook", "http://[::1]/hook", "http://[fd12:3456::1]/hook"})
        void whatOnlyTheServiceCanReach(String url) {
            assertThat(WebhookAddresses.refusal(URI.create(url), false)).hasValueSatisfying(
                    reason -> assertThat(reason).contains("non-public address"));
        }

        /** Issue 10 defect 8: these ranges were let through. */
        @ParameterizedTest
        @ValueSource(strings = {"http://100.64.0.1/hook", "http://100.127.255.254/hook", "http://198.18.0.1/hook",
                "http://198.19.200.1/hook", "http://0.1.2.3/hook", "http://[64:ff9b::7f00:1]/hook",
                "http://[64:ff9b::a9fe:a9fe]/hook", "http://[::ffff:127.0.0.1]/hook", "http://[::ffff:a9fe:a9fe]/hook",
                "http://[::127.0.0.1]/hook", "http://[::]/hook", "http://[ff02::1]/hook", "http://224.0.0.1/hook"})
        void sharedTranslatedOrBenchmarkingAddresses(String url) {
            assertThat(WebhookAddresses.refusal(URI.create(url), false)).hasValueSatisfying(
                    reason -> assertThat(reason).contains("non-public address"));
        }

        @Test
        void aNameWithOnePrivateAddressAmongPublicOnes() throws UnknownHostException {
            InetAddress[] answer = {InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.0.0.7")};
            assertThat(WebhookAddresses.target(URI.create("https://hooks.partner.test/in"), false, host -> answer)
                    .isRefused()).isTrue();
        }
    }

    @Nested
    class AHostThatCannotBeResolved {

        /** Issue 10 defect 8: it was allowed, and the HTTP client then resolved it on its own. */
        @Test
        void isNotCalled() {
            WebhookHostResolver nothing = host -> {
                throw new UnknownHostException(host);
            };
            WebhookAddresses.Target target = WebhookAddresses.target(URI.create("https://hooks.partner.test/in"),
                    false, nothing);
            assertThat(target.isRefused()).isTrue();
            assertThat(target.unresolved()).isTrue();
            assertThat(target.address()).isNull();
        }

        @Test
        void isNotCalledEvenWherePrivateAddressesAreAllowed() {
            assertThat(WebhookAddresses.refusal(URI.create("http://no-such-host.invalid/hook"), true)).isPresent();
        }
    }

    @Nested
    class APublicAddress {

        @ParameterizedTest
        @ValueSource(strings = {"https://93.184.215.14/hooks/rapport", "http://100.128.0.1/hook",
                "http://198.20.0.1/hook", "http://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook"})
        void mayBeCalled(String url) {
            assertThat(WebhookAddresses.refusal(URI.create(url), false)).isEmpty();
        }

        @Test
        void isTheOneTheCallGoesTo() throws UnknownHostException {
            InetAddress checked = InetAddress.getByName("93.184.215.14");
            assertThat(WebhookAddresses.target(URI.create("https://hooks.partner.test/in"), false,
                    host -> new InetAddress[]{checked}).address()).isEqualTo(checked);
        }
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
