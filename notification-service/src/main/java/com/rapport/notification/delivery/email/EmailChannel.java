package com.rapport.notification.delivery.email;

import com.rapport.notification.delivery.DeliveryChannel;
import com.rapport.notification.delivery.DeliveryResult;
import com.rapport.notification.delivery.RetryPolicy;
import com.rapport.notification.directory.PartnerContact;
import com.rapport.notification.directory.PartnerDirectory;
import com.rapport.notification.inbox.Channel;
import com.rapport.notification.inbox.Notification;
import com.rapport.notification.message.Addressee;
import com.rapport.notification.message.Language;
import com.rapport.notification.message.MessageRenderer;
import com.rapport.notification.preference.PartnerPreferences;
import com.rapport.notification.preference.PreferencesLookup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Email over SMTP to the partner's current address, in the language the notification was written in.
 * JavaMailSender blocks, so this runs on delivery threads only.
 */
@Component
public class EmailChannel implements DeliveryChannel {

    private final JavaMailSender mailSender;
    private final EmailComposer composer;
    private final MessageRenderer renderer;
    private final PartnerDirectory partners;
    private final PreferencesLookup preferences;
    private final EmailProperties properties;

    public EmailChannel(JavaMailSender mailSender, EmailComposer composer, MessageRenderer renderer,
                        PartnerDirectory partners, PreferencesLookup preferences, EmailProperties properties) {
        this.mailSender = mailSender;
        this.composer = composer;
        this.renderer = renderer;
        this.partners = partners;
        this.preferences = preferences;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public RetryPolicy retryPolicy() {
        return properties.retry();
    }

    @Override
    public DeliveryResult deliver(Notification notification) {
        // the address is the partner's current one; one not learnt yet (no event named it) is waited for
        Optional<PartnerContact> partner = partners.find(notification.recipient())
                .filter(known -> known.email() != null && !known.email().isBlank());
        if (partner.isEmpty()) {
            return DeliveryResult.failedForNow("the partner's email address is not known yet");
        }
        PartnerPreferences chosen = preferences.of(notification.recipient());
        if (!chosen.email()) {
            return DeliveryResult.withdrawn("email was switched off before it could be sent");
        }
        Language language = Language.orDefault(notification.language());
        Addressee to = new Addressee(partner.get().name(), language, preferences.timeZoneOf(chosen));
        try {
            MimeMessage mail = composer.notification(notification.notificationId(), partner.get().email(),
                    notification.subject(), renderer.letter(notification.paragraphs(), to), language);
            return send(mail);
        } catch (MessagingException badMessage) {
            // an address that does not parse will not parse next time either
            return DeliveryResult.refused(badMessage.getMessage());
        }
    }

    /** One SMTP exchange; an unreachable or refusing server is worth another try later. */
    DeliveryResult send(MimeMessage mail) {
        try {
            mailSender.send(mail);
            return DeliveryResult.delivered();
        } catch (MailException unreachable) {
            return DeliveryResult.failedForNow(describe(unreachable));
        }
    }

    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? error.getMessage() : error.getMessage() + " (" + root + ")";
    }
}
