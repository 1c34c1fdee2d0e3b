package com.rapport.notification.inbox;

/** How a notification reaches its partner. The order is the order of the delivery log. */
public enum Channel {
    EMAIL, WEBHOOK, FEED
}
