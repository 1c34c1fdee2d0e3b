package com.rapport.notification.delivery.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which webhook URLs this service may call. A partner chooses the URL, so without care it could make the service
 * call what only the service can reach (its own actuator, a database's HTTP port, the cloud metadata service at
 * 169.254.169.254). Unless private addresses are allowed, a URL whose host resolves to a loopback, private,
 * link-local or unspecified address is refused. Resolves DNS: delivery threads only.
 */
public final class WebhookAddresses {

    private WebhookAddresses() {
    }

    /** Why this URL may not be called, or empty when it may. */
    public static Optional<String> refusal(URI url, boolean allowPrivateAddresses) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http and https webhooks are called");
        }
        if (url.getHost() == null) {
            return Optional.of("the webhook URL has no host");
        }
        if (allowPrivateAddresses) {
            return Optional.empty();
        }
        try {
            return Arrays.stream(InetAddress.getAllByName(url.getHost()))
                    .filter(WebhookAddresses::isPrivate)
                    .findFirst()
                    .map(address -> "the webhook host resolves to the non-public address " + address.getHostAddress());
        } catch (UnknownHostException unknown) {
            // may be a DNS hiccup: the attempt will fail and be retried like any unreachable endpoint
            return Optional.empty();
        }
    }

    static boolean isPrivate(InetAddress address) {
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || isUniqueLocalIpv6(address);
    }

    /** fc00::/7, the IPv6 counterpart of the private IPv4 ranges, which InetAddress does not flag. */
    private static boolean isUniqueLocalIpv6(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }
}
