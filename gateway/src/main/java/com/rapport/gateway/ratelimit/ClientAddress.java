package com.rapport.gateway.ratelimit;

import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * The client's address as far as it can be trusted: the connection's peer, or with {@code trustedProxies} proxies in
 * front, the X-Forwarded-For entry that many hops from the right (left-hand entries are whatever the client wrote).
 */
@Component
public class ClientAddress {

    private final RemoteAddressResolver resolver;

    public ClientAddress(RateLimitProperties properties) {
        RemoteAddressResolver direct = new RemoteAddressResolver() { };
        this.resolver = properties.trustedProxies() > 0
                ? XForwardedRemoteAddressResolver.maxTrustedIndex(properties.trustedProxies()) : direct;
    }

    public String of(ServerWebExchange exchange) {
        return Optional.ofNullable(resolver.resolve(exchange))
                .map(InetSocketAddress::getAddress)
                .map(address -> address.getHostAddress())
                .orElse("unknown");
    }
}
