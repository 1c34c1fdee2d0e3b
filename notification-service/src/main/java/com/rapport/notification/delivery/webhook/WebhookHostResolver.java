package com.rapport.notification.delivery.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turns a webhook's host name into addresses; the system's DNS in production, a fixed answer in tests. */
@FunctionalInterface
public interface WebhookHostResolver {

    InetAddress[] resolve(String host) throws UnknownHostException;

    static WebhookHostResolver system() {
        return InetAddress::getAllByName;
    }
}
