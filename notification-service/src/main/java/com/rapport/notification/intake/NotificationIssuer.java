package com.rapport.notification.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.rapport.events.CloudEventCodec;
import com.rapport.notification.delivery.DeliveryDispatcher;
import com.rapport.notification.delivery.DeliveryQueue;
import com.rapport.notification.delivery.feed.LiveFeed;
import com.rapport.notification.directory.PartnerContact;
import com.rapport.notification.directory.PartnerDirectory;
import com.rapport.notification.inbox.Channel;
import com.rapport.notification.inbox.Delivery;
import com.rapport.notification.inbox.Notification;
import com.rapport.notification.inbox.NotificationStore;
import com.rapport.notification.message.Addressee;
import com.rapport.notification.message.Language;
import com.rapport.notification.message.Message;
import com.rapport.notification.message.MessageRenderer;
import com.rapport.notification.message.RenderedMessage;
import com.rapport.notification.preference.PartnerPreferences;
import com.rapport.notification.preference.PreferencesLookup;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Writes one notification for one partner about one event, exactly once: its id is derived from the CloudEvent id
 * and the partner, and MongoDB's unique {@code _id} turns a redelivery into a no-op. The text is rendered in the
 * partner's language at the time of writing; which channels it goes to follows the partner's preferences then.
 *
 * <p>Order of writes, without transactions: pending deliveries are queued before the notification is inserted, so a
 * crash in between leaves at worst queue entries that the redelivered event completes; never a notification whose
 * email is forgotten.
 */
@Component
public class NotificationIssuer {

    private final NotificationStore notifications;
    private final DeliveryQueue deliveries;
    private final DeliveryDispatcher dispatcher;
    private final LiveFeed feed;
    private final PartnerDirectory partners;
    private final PreferencesLookup preferences;
    private final MessageRenderer renderer;
    private final CloudEventCodec codec;
    private final Clock clock;

    public NotificationIssuer(NotificationStore notifications, DeliveryQueue deliveries, DeliveryDispatcher dispatcher,
                              LiveFeed feed, PartnerDirectory partners, PreferencesLookup preferences,
                              MessageRenderer renderer, CloudEventCodec codec, Clock clock) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.feed = feed;
        this.partners = partners;
        this.preferences = preferences;
        this.renderer = renderer;
        this.codec = codec;
        this.clock = clock;
    }

    public void issue(CloudEventCodec.Decoded event, String partnerId, String referralId, Message message) {
        String notificationId = Notification.idOf(event.eventId(), partnerId);
        if (notifications.exists(notificationId)) {
            notifications.addToInbox(partnerId, notificationId);
            return;
        }
        PartnerContact partner = partners.require(partnerId);
        PartnerPreferences chosen = preferences.of(partnerId);
        Language language = Language.orDefault(chosen.language() != null ? chosen.language() : partner.language());
        RenderedMessage text = renderer.render(message,
                new Addressee(partner.name(), language, preferences.timeZoneOf(chosen)));
        Instant now = clock.instant();

        Map<Channel, Delivery> plan = new EnumMap<>(Channel.class);
        plan.put(Channel.EMAIL, chosen.email() ? Delivery.pending() : Delivery.suppressed());
        plan.put(Channel.FEED, Delivery.sentAt(now));
        Notification notification = new Notification(notificationId, event.eventId(), partnerId, referralId,
                event.type().type(), language.code(), text.subject(), text.paragraphs(), now, plan,
                cloudEventJson(event));

        plan.forEach((channel, delivery) -> {
            if (delivery.isPending()) {
                deliveries.enqueue(notificationId, channel, now);
            }
        });
        boolean created = notifications.insert(notification);
        notifications.addToInbox(partnerId, notificationId);
        if (created) {
            feed.publish(notification);
            dispatcher.nudge();
        }
    }

    private String cloudEventJson(CloudEventCodec.Decoded event) {
        try {
            return codec.mapper().writeValueAsString(event.envelope());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write back the CloudEvent " + event.eventId(), e);
        }
    }
}
