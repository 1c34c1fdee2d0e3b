package com.rapport.notification.delivery.email;

import com.rapport.notification.delivery.DeliveryResult;
import com.rapport.notification.directory.PartnerContact;
import com.rapport.notification.directory.PartnerDirectory;
import com.rapport.notification.inbox.Channel;
import com.rapport.notification.inbox.Delivery;
import com.rapport.notification.inbox.Notification;
import com.rapport.notification.inbox.NotificationStore;
import com.rapport.notification.message.Addressee;
import com.rapport.notification.message.MessageRenderer;
import com.rapport.notification.message.RenderedMessage;
import com.rapport.notification.preference.Frequency;
import com.rapport.notification.preference.PartnerPreferences;
import com.rapport.notification.preference.PreferencesLookup;
import com.rapport.support.id.PartnerId;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Sends each DAILY_DIGEST partner one email a day, at the digest hour in the partner's time zone, gathering every
 * notification that waited for it; each of them is then SENT in its own delivery log. A failed digest is tried
 * again at the next check, up to the email attempts limit. A partner who went back to IMMEDIATE gets what waited
 * at once.
 */
@Component
public class DailyDigest {

    private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

    private final DigestQueue queue;
    private final NotificationStore notifications;
    private final PartnerDirectory partners;
    private final PreferencesLookup preferences;
    private final MessageRenderer renderer;
    private final EmailComposer composer;
    private final EmailChannel email;
    private final EmailProperties emailProperties;
    private final DigestProperties properties;
    private final DigestSchedule schedule;
    private final Clock clock;

    public DailyDigest(DigestQueue queue, NotificationStore notifications, PartnerDirectory partners,
                       PreferencesLookup preferences, MessageRenderer renderer, EmailComposer composer,
                       EmailChannel email, EmailProperties emailProperties, DigestProperties properties,
                       Clock clock) {
        this.queue = queue;
        this.notifications = notifications;
        this.partners = partners;
        this.preferences = preferences;
        this.renderer = renderer;
        this.composer = composer;
        this.email = email;
        this.emailProperties = emailProperties;
        this.properties = properties;
        this.schedule = new DigestSchedule(properties.hour());
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${rapport.notification.digest.check-interval}")
    void sendDueDigests() {
        try {
            queue.byPartner().forEach(this::sendIfDue);
        } catch (RuntimeException e) {
            // the database may be away: the next check tries again, nothing is lost
            log.warn("Digest check failed: {}", e.toString());
        }
    }

    void sendIfDue(PartnerId partnerId, List<DigestItem> items) {
        Instant now = clock.instant();
        PartnerPreferences chosen = preferences.of(partnerId);
        ZoneId zone = preferences.timeZoneOf(chosen);
        boolean backToImmediate = chosen.frequency() == Frequency.IMMEDIATE;
        if (!backToImmediate && !schedule.isDue(now, zone, queue.lastSentOn(partnerId).orElse(null))) {
            return;
        }
        Optional<PartnerContact> contact = partners.find(partnerId)
                .filter(known -> known.email() != null && !known.email().isBlank());
        if (contact.isEmpty() || !queue.claim(partnerId, now, properties.claimLease())) {
            return;
        }
        try {
            send(contact.get(), chosen, items, schedule.dayOf(now, zone));
        } finally {
            queue.release(partnerId);
        }
    }

    private void send(PartnerContact partner, PartnerPreferences chosen, List<DigestItem> items, LocalDate day) {
        List<Waiting> waiting = new ArrayList<>();
        for (DigestItem item : items) {
            Optional<Notification> notification = notifications.find(item.notificationId());
            Delivery delivery = notification.map(found -> found.delivery(Channel.EMAIL)).orElse(null);
            if (delivery == null || !delivery.isPending()) {
                queue.remove(item);
            } else if (!chosen.email()) {
                notifications.recordDelivery(item.notificationId(), Channel.EMAIL,
                        delivery.withdrawn("email was switched off before the digest", clock.instant()));
                queue.remove(item);
            } else {
                waiting.add(new Waiting(item, notification.get(), delivery));
            }
        }
        if (waiting.isEmpty()) {
            return;
        }
        waiting.sort(Comparator.comparing(w -> w.notification().createdAt()));
        Addressee to = preferences.addressee(partner, chosen);
        DeliveryResult result;
        try {
            result = email.send(composer.digest("digest/" + partner.partnerId() + "/" + day, partner.email(),
                    letter(waiting, to, day), to.language()));
        } catch (MessagingException badMessage) {
            result = DeliveryResult.refused(badMessage.getMessage());
        }
        record(partner.partner(), waiting, result, day);
    }

    private DigestLetter letter(List<Waiting> waiting, Addressee to, LocalDate day) {
        List<Object> counted = List.of(waiting.size(), day);
        return new DigestLetter(renderer.text("digest.subject", counted, to), renderer.greeting(to),
                renderer.text("digest.introduction", counted, to),
                waiting.stream().map(w -> new RenderedMessage(w.notification().subject(),
                        w.notification().paragraphs())).toList(),
                renderer.signOff(to));
    }

    private void record(PartnerId partnerId, List<Waiting> waiting, DeliveryResult result, LocalDate day) {
        Instant at = clock.instant();
        for (Waiting w : waiting) {
            int attempt = w.delivery().attempts() + 1;
            String id = w.notification().notificationId();
            if (result.outcome() == DeliveryResult.Outcome.DELIVERED) {
                notifications.recordDelivery(id, Channel.EMAIL, w.delivery().succeeded(attempt, at));
                queue.remove(w.item());
            } else if (result.outcome() == DeliveryResult.Outcome.REFUSED
                    || emailProperties.retry().isExhaustedAfter(attempt)) {
                notifications.recordDelivery(id, Channel.EMAIL, w.delivery().gaveUp(attempt, result.error(), at));
                queue.remove(w.item());
            } else {
                notifications.recordDelivery(id, Channel.EMAIL, w.delivery().failedForNow(attempt, result.error(), at));
            }
        }
        if (result.outcome() == DeliveryResult.Outcome.DELIVERED) {
            queue.sent(partnerId, day);
            log.info("Digest of {} notification(s) sent to partner {} for {}", waiting.size(), partnerId, day);
        } else {
            log.info("Digest for partner {} not sent: {}", partnerId, result.error());
        }
    }

    private record Waiting(DigestItem item, Notification notification, Delivery delivery) {
    }
}
