package com.rapport.notification.delivery.email;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The letter as MIME, built without a class-path scan per message (issue 9's profile). */
class EmailComposerTest {

    @Test
    void aNotificationIsPlainTextWithItsHtmlAlternativeAndNamesTheProviderOnce() throws Exception {
        SpringTemplateEngine templates = new SpringTemplateEngine();
        templates.setTemplateResolver(new StringTemplateResolver());
        EmailComposer composer = new EmailComposer(new JavaMailSenderImpl(), templates,
                new EmailProperties("rapport@x.example", null));

        MimeMessage mime = composer.notification("n-1", "ada@x.example", "Paid", List.of("Hello", "It was paid."),
                com.rapport.notification.message.Language.EN);
        mime.saveChanges();

        assertThat(mime.getHeader(EmailComposer.NOTIFICATION_HEADER)).containsExactly("n-1");
        assertThat(mime.getContent()).isInstanceOf(MimeMultipart.class);
        assertThat(System.getProperty(EmailComposer.STREAM_PROVIDER)).isEqualTo(MailStreamProvider.class.getName());
        assertThat(StreamProvider.provider()).isInstanceOf(MailStreamProvider.class);
    }
}
