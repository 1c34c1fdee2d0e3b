package com.rapport.notification.delivery.email;

import com.rapport.notification.delivery.DeliveryChannel;
import com.rapport.notification.delivery.DeliveryResult;
import com.rapport.notification.delivery.RetryPolicy;
import com.rapport.notification.directory.PartnerContact;
import com.rapport.notification.directory.PartnerDirectory;
import com.rapport.notification.inbox.Channel;
import com.rapport.notification.inbox.Notification;
import com.rapport.notification.message.Language;
import jakarta.mail.MessagingException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Email over SMTP to the partner's address. JavaMailSender blocks, so this runs on delivery threads only. */
@Component
public class EmailChannel implements DeliveryChannel {

    private final JavaMailSender mailSender;
    private final EmailComposer composer;
    private final PartnerDirectory partners;
    private final EmailProperties properties;

    public EmailChannel(JavaMailSender mailSender, EmailComposer composer, PartnerDirectory partners,
                        EmailProperties properties) {
        this.mailSender = mailSender;
        this.composer = composer;
        this.partners = partners;
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
        Optional<PartnerContact> partner = partners.find(notification.partnerId());
        if (partner.isEmpty()) {
            return DeliveryResult.failedForNow("partner " + notification.partnerId() + " is not known yet");
        }
        try {
            mailSender.send(composer.compose(notification.notificationId(), partner.get().email(),
                    notification.subject(), notification.paragraphs(),
                    Language.orDefault(notification.language())));
            return DeliveryResult.delivered();
        } catch (MessagingException badMessage) {
            // an address that does not parse will not parse next time either
            return DeliveryResult.refused(badMessage.getMessage());
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
