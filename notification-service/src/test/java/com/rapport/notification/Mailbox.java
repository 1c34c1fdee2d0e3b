package com.rapport.notification;

import com.rapport.notification.delivery.email.EmailComposer;
import com.rapport.testsupport.TestInfrastructure;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What the test SMTP server received for one address, read like a mail client would. */
public record Mailbox(String address) {

    public List<MimeMessage> messages() {
        return TestInfrastructure.shared().smtp().receivedMessages().stream().filter(this::isFor).toList();
    }

    private boolean isFor(MimeMessage message) {
        try {
            var to = message.getRecipients(Message.RecipientType.TO);
            return to != null && Arrays.stream(to)
                    .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String notificationId(MimeMessage message) {
        try {
            return message.getHeader(EmailComposer.NOTIFICATION_HEADER, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String plainText(MimeMessage message) {
        return part(message, "text/plain").orElseThrow(() -> new AssertionError("no text/plain part"));
    }

    public static String html(MimeMessage message) {
        return part(message, "text/html").orElseThrow(() -> new AssertionError("no text/html part"));
    }

    private static Optional<String> part(Part part, String mimeType) {
        try {
            if (part.isMimeType(mimeType)) {
                return Optional.of((String) part.getContent());
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    Optional<String> found = part(body, mimeType);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
