package com.rapport.notification.delivery;

import com.rapport.notification.inbox.Channel;
import com.rapport.notification.inbox.Notification;

/** A way to reach a partner that can fail and be retried: email, webhook. Called on delivery threads. */
public interface DeliveryChannel {

    Channel channel();

    RetryPolicy retryPolicy();

    /** One attempt. Implementations report failures as results rather than throwing. */
    DeliveryResult deliver(Notification notification);
}
