package com.rapport.notification.delivery.webhook;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which webhook URLs this service may call, and at which address. A partner chooses the URL, so without care it could
 * make the service call what only the service can reach (its own actuator, a database's HTTP port, the cloud metadata
 * service at 169.254.169.254). The host is resolved once; the call then goes to the address that was checked
 * ({@link PinnedAddressResolverGroup}), so a name that answers differently the second time (DNS rebinding) gains
 * nothing. A host that cannot be resolved is not called. Unless private addresses are allowed, a host with any
 * non-public address is refused. Resolves DNS: delivery threads only.
 */
public final class WebhookAddresses {

    private WebhookAddresses() {
    }

    /** The address to call, or why the URL may not be called (for the log: partners are told only that it failed). */
    public record Target(InetAddress address, String refusal, boolean unresolved) {

        static Target refused(String why) {
            return new Target(null, why, false);
        }

        static Target unresolvable(String why) {
            return new Target(null, why, true);
        }

        public boolean isRefused() {
            return refusal != null;
        }
    }

    /** Why this URL may not be called, or empty when it may (system DNS). */
    public static Optional<String> refusal(URI url, boolean allowPrivateAddresses) {
        return Optional.ofNullable(target(url, allowPrivateAddresses, WebhookHostResolver.system()).refusal());
    }

    public static Target target(URI url, boolean allowPrivateAddresses, WebhookHostResolver resolver) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Target.refused("only http and https webhooks are called");
        }
        if (url.getHost() == null) {
            return Target.refused("the webhook URL has no host");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(url.getHost());
        } catch (UnknownHostException | SecurityException unknown) {
            return Target.unresolvable("the webhook host " + url.getHost() + " cannot be resolved");
        }
        if (addresses == null || addresses.length == 0) {
            return Target.unresolvable("the webhook host " + url.getHost() + " has no address");
        }
        if (!allowPrivateAddresses) {
            // one non-public address among several is enough to refuse: that is how rebinding is set up
            Optional<InetAddress> nonPublic = Arrays.stream(addresses).filter(WebhookAddresses::isPrivate).findFirst();
            if (nonPublic.isPresent()) {
                return Target.refused("the webhook host resolves to the non-public address "
                        + nonPublic.get().getHostAddress());
            }
        }
        return new Target(addresses[0], null, false);
    }

    static boolean isPrivate(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16) {
            Optional<byte[]> embedded = embeddedIpv4(bytes);
            if (embedded.isPresent()) {
                return isPrivateIpv4(embedded.get());
            }
            if (isNat64(bytes)) {
                // 64:ff9b::/96 reaches IPv4 through a translator: judged by the IPv4 address it carries
                return isPrivateIpv4(Arrays.copyOfRange(bytes, 12, 16));
            }
            return address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                    || address.isAnyLocalAddress() || address.isMulticastAddress() || (bytes[0] & 0xfe) == 0xfc;
        }
        return address instanceof Inet4Address && isPrivateIpv4(bytes);
    }

    private static boolean isPrivateIpv4(byte[] ip) {
        int a = ip[0] & 0xff;
        int b = ip[1] & 0xff;
        return a == 0                                   // 0.0.0.0/8 "this network"
                || a == 10                              // 10.0.0.0/8
                || a == 127                             // loopback
                || (a == 100 && (b & 0xc0) == 64)       // 100.64.0.0/10 carrier-grade NAT
                || (a == 169 && b == 254)               // link-local, cloud metadata
                || (a == 172 && (b & 0xf0) == 16)       // 172.16.0.0/12
                || (a == 192 && b == 168)               // 192.168.0.0/16
                || (a == 192 && b == 0 && (ip[2] & 0xff) == 0) // 192.0.0.0/24 protocol assignments
                || (a == 198 && (b & 0xfe) == 18)       // 198.18.0.0/15 benchmarking
                || a >= 224;                            // multicast, reserved, broadcast
    }

    /** ::ffff:a.b.c.d (IPv4-mapped) and ::a.b.c.d (IPv4-compatible), which connect to that IPv4 address. */
    private static Optional<byte[]> embeddedIpv4(byte[] ip) {
        for (int i = 0; i < 10; i++) {
            if (ip[i] != 0) {
                return Optional.empty();
            }
        }
        boolean mapped = (ip[10] & 0xff) == 0xff && (ip[11] & 0xff) == 0xff;
        boolean compatible = ip[10] == 0 && ip[11] == 0;
        if (compatible) {
            // :: and ::1 are the IPv6 unspecified and loopback addresses, not IPv4 ones
            boolean tiny = ip[12] == 0 && ip[13] == 0 && ip[14] == 0 && (ip[15] & 0xff) <= 1;
            return tiny ? Optional.of(new byte[]{127, 0, 0, 1}) : Optional.of(Arrays.copyOfRange(ip, 12, 16));
        }
        return mapped ? Optional.of(Arrays.copyOfRange(ip, 12, 16)) : Optional.empty();
    }

    private static boolean isNat64(byte[] ip) {
        if (ip[0] != 0 || (ip[1] & 0xff) != 0x64 || (ip[2] & 0xff) != 0xff || (ip[3] & 0xff) != 0x9b) {
            return false;
        }
        for (int i = 4; i < 12; i++) {
            if (ip[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
