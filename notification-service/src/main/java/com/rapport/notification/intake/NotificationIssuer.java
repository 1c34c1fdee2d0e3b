package com.rapport.notification.intake;

import com.rapport.events.CloudEventCodec;
import com.rapport.notification.delivery.DeliveryDispatcher;
import com.rapport.notification.delivery.DeliveryQueue;
import com.rapport.notification.delivery.email.DigestQueue;
import com.rapport.notification.delivery.feed.LiveFeed;
import com.rapport.notification.directory.PartnerContact;
import com.rapport.notification.directory.PartnerDirectory;
import com.rapport.notification.inbox.Channel;
import com.rapport.notification.inbox.Delivery;
import com.rapport.notification.inbox.Notification;
import com.rapport.notification.inbox.NotificationStore;
import com.rapport.notification.message.Addressee;
import com.rapport.notification.message.Message;
import com.rapport.notification.message.MessageRenderer;
import com.rapport.notification.message.RenderedMessage;
import com.rapport.notification.preference.Frequency;
import com.rapport.notification.preference.PartnerPreferences;
import com.rapport.notification.preference.PreferencesLookup;
import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Writes one notification for one partner about one event, exactly once: its id is derived from the CloudEvent id
 * and the partner, and MongoDB's unique {@code _id} turns a redelivery into a no-op. The text is rendered in the
 * partner's language at the time of writing; which channels it goes to follows the partner's preferences then
 * (email at once or in the daily digest, the webhook, muted types).
 *
 * <p>Order of writes, without transactions: the notification's place in the partner's inbox is taken and its pending
 * deliveries are queued before it is inserted, and it is filed at that place after, so a crash in between leaves at
 * worst an empty place or queue entries that the redelivered event completes; never a notification whose email is
 * forgotten or that is listed twice.
 */
@Component
public class NotificationIssuer {

    private final NotificationStore notifications;
    private final DeliveryQueue deliveries;
    private final DigestQueue digests;
    private final DeliveryDispatcher dispatcher;
    private final LiveFeed feed;
    private final PartnerDirectory partners;
    private final PreferencesLookup preferences;
    private final MessageRenderer renderer;
    private final CloudEventJson json;
    private final Clock clock;

    public NotificationIssuer(NotificationStore notifications, DeliveryQueue deliveries, DigestQueue digests,
                              DeliveryDispatcher dispatcher,
                              LiveFeed feed, PartnerDirectory partners, PreferencesLookup preferences,
                              MessageRenderer renderer, CloudEventJson json, Clock clock) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.digests = digests;
        this.dispatcher = dispatcher;
        this.feed = feed;
        this.partners = partners;
        this.preferences = preferences;
        this.renderer = renderer;
        this.json = json;
        this.clock = clock;
    }

    public void issue(CloudEventCodec.Decoded event, PartnerId partnerId, ReferralId referralId, Message message) {
        // a partner not described by any event yet: default language now, email address looked up when sending
        issue(event, partnerId, referralId, message, () -> partners.findOrUnknown(partnerId));
    }

    /** For a partner just learnt from the event itself: told as it is known now, without reading it again. */
    public void issue(CloudEventCodec.Decoded event, PartnerContact partner, ReferralId referralId, Message message) {
        issue(event, partner.partner(), referralId, message, () -> partner);
    }

    private void issue(CloudEventCodec.Decoded event, PartnerId partnerId, ReferralId referralId, Message message,
                       Supplier<PartnerContact> addressee) {
        String notificationId = Notification.idOf(event.eventId(), partnerId);
        if (notifications.exists(notificationId)) {
            // a redelivered event: complete what a process that died after writing it may have left undone
            notifications.placeOf(notificationId)
                    .ifPresent(place -> notifications.fileInInbox(partnerId, notificationId, place));
            return;
        }
        PartnerContact partner = addressee.get();
        PartnerPreferences chosen = preferences.of(partnerId);
        Addressee to = preferences.addressee(partner, chosen);
        RenderedMessage text = renderer.render(message, to);
        Instant now = clock.instant();
        String eventType = event.type().type();
        Map<Channel, Delivery> plan = plan(chosen, eventType, now);
        long place = notifications.nextPlace(partnerId);
        Notification notification = new Notification(notificationId, event.eventId(), partnerId.value(),
                referralId == null ? null : referralId.value(), eventType, to.language().code(), text.subject(),
                text.paragraphs(), now, plan, json.write(event), place);

        plan.forEach((channel, delivery) -> {
            if (!delivery.isPending()) {
                return;
            }
            if (channel == Channel.EMAIL && chosen.frequency() == Frequency.DAILY_DIGEST) {
                digests.add(notificationId, partnerId, now);
            } else {
                deliveries.enqueue(notificationId, channel, now);
            }
        });
        boolean created = notifications.insert(notification);
        long filedAt = place;
        if (!created) {
            // another instance wrote it first: it is filed at that one's place, and this place stays empty
            filedAt = notifications.placeOf(notificationId).orElse(place);
            if (filedAt != place) {
                notifications.leaveEmpty(partnerId);
            }
        }
        notifications.fileInInbox(partnerId, notificationId, filedAt);
        if (created) {
            feed.publish(notification);
            dispatcher.nudge();
        }
    }

    /**
     * Where this notification goes: email unless switched off, the webhook if there is one, both SUPPRESSED for a
     * muted type (never for an outcome), and the live feed always: the notification is in the portal either way.
     */
    static Map<Channel, Delivery> plan(PartnerPreferences chosen, String eventType, Instant now) {
        boolean muted = chosen.mutes(eventType);
        Map<Channel, Delivery> plan = new EnumMap<>(Channel.class);
        plan.put(Channel.EMAIL, chosen.email() && !muted ? Delivery.pending() : Delivery.suppressed());
        if (chosen.webhook() != null) {
            plan.put(Channel.WEBHOOK, muted ? Delivery.suppressed() : Delivery.pending());
        }
        plan.put(Channel.FEED, Delivery.sentAt(now));
        return plan;
    }

    /** Was this event told to this partner already? */
    public boolean hasIssued(String eventId, PartnerId partnerId) {
        return notifications.exists(Notification.idOf(eventId, partnerId));
    }
}
