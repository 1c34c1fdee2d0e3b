package com.rapport.notification.delivery.email;

import com.rapport.notification.message.Language;
import com.rapport.notification.message.RenderedMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Builds the MIME message of an email: the plain text and, as its alternative, the same words laid out by an HTML
 * template ({@code templates/email/*.html}); the wording itself always comes from the message bundles.
 */
@Component
public class EmailComposer {

    /**
     * jakarta.mail looks its stream provider up for every multipart and session it builds, by a ServiceLoader scan of
     * the whole class path (inside the executable jar: parsing every nested jar's URL) unless this system property
     * names it; the profile of the pipeline benchmark (issue 9) found a sixth of this service's time there.
     */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        System.getProperties().putIfAbsent(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
    }

    /** Lets a reader (or a test) tell which notification, or which digest, an email carries. */
    public static final String NOTIFICATION_HEADER = "X-Rapport-Notification-Id";

    private final JavaMailSender mailSender;
    private final ITemplateEngine templates;
    private final EmailProperties properties;

    public EmailComposer(JavaMailSender mailSender, ITemplateEngine templates, EmailProperties properties) {
        this.mailSender = mailSender;
        this.templates = templates;
        this.properties = properties;
    }

    /** One notification as a letter: greeting, what happened, sign-off. */
    public MimeMessage notification(String id, String to, String subject, List<String> letter, Language language)
            throws MessagingException {
        return compose(id, to, subject, new RenderedMessage(subject, letter).body(), "email/notification",
                Map.of("subject", subject, "paragraphs", letter), language);
    }

    public MimeMessage digest(String id, String to, DigestLetter letter, Language language)
            throws MessagingException {
        return compose(id, to, letter.subject(), letter.plainText(), "email/digest", Map.of("digest", letter),
                language);
    }

    private MimeMessage compose(String id, String to, String subject, String plainText, String template,
                                Map<String, Object> model, Language language) throws MessagingException {
        Context context = new Context(language.locale(), model);
        context.setVariable("lang", language.code());
        String html = templates.process(template, context);
        MimeMessage mime = mailSender.createMimeMessage();
        MimeMessageHelper message = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
        message.setFrom(properties.from());
        message.setTo(to);
        message.setSubject(subject);
        message.setText(plainText, html);
        mime.setHeader(NOTIFICATION_HEADER, id);
        return mime;
    }
}
