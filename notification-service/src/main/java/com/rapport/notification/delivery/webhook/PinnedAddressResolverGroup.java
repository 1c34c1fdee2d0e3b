package com.rapport.notification.delivery.webhook;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Answers every name with the one address that was checked, so the HTTP client connects there and nowhere else while
 * the request keeps the name (Host header, TLS SNI and certificate check). Never asks DNS.
 */
final class PinnedAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    private final InetAddress pinned;

    PinnedAddressResolverGroup(InetAddress pinned) {
        this.pinned = pinned;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new InetSocketAddressResolver(executor, new InetNameResolver(executor) {
            @Override
            protected void doResolve(String host, Promise<InetAddress> promise) {
                try {
                    promise.setSuccess(InetAddress.getByAddress(host, pinned.getAddress()));
                } catch (UnknownHostException impossible) {
                    promise.setFailure(impossible);
                }
            }

            @Override
            protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
                try {
                    promise.setSuccess(List.of(InetAddress.getByAddress(host, pinned.getAddress())));
                } catch (UnknownHostException impossible) {
                    promise.setFailure(impossible);
                }
            }
        });
    }
}
