package com.rapport.gateway.auth.account;

import com.rapport.gateway.auth.ConditionalOnLocalIssuer;
import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTypes;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * The two account emails, plain text in the partner's language ({@code messages/accounts*.properties}), sent through
 * Spring's mail sender ({@code spring.mail.host/port}). Sending blocks on SMTP, so it runs on the bounded-elastic
 * scheduler, never on an event loop.
 */
@Component
@ConditionalOnLocalIssuer
public class AccountMail {

    /** Lets a reader (or a test) tell which kind of account email this is. */
    public static final String KIND_HEADER = "X-Rapport-Account-Mail";

    private final JavaMailSender mailSender;
    private final MessageSource messages;
    private final AccountsProperties properties;

    public AccountMail(JavaMailSender mailSender, MessageSource messages, AccountsProperties properties) {
        this.mailSender = mailSender;
        this.messages = messages;
        this.properties = properties;
    }

    public Mono<Void> invitation(String to, String language, String link, Duration validFor) {
        Locale locale = Locale.forLanguageTag(language);
        return send("invitation", to, locale, messages.getMessage("invitation.subject", null, locale),
                messages.getMessage("invitation.body", new Object[]{link, validFor.toHours()}, locale));
    }

    public Mono<Void> passwordReset(String to, String language, String username, String link, Duration validFor) {
        Locale locale = Locale.forLanguageTag(language);
        return send("password-reset", to, locale, messages.getMessage("password-reset.subject", null, locale),
                messages.getMessage("password-reset.body", new Object[]{username, link, validFor.toMinutes()},
                        locale));
    }

    private Mono<Void> send(String kind, String to, Locale locale, String subject, String text) {
        return Mono.fromRunnable(() -> {
                    try {
                        MimeMessage mime = mailSender.createMimeMessage();
                        MimeMessageHelper message = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
                        message.setFrom(properties.mailFrom());
                        message.setTo(to);
                        message.setSubject(subject);
                        message.setText(text);
                        mime.setHeader("Content-Language", locale.toLanguageTag());
                        mime.setHeader(KIND_HEADER, kind);
                        mailSender.send(mime);
                    } catch (MessagingException | MailException e) {
                        throw new MailNotSentException(e);
                    }
                })
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }

    /** The mail server refused or could not be reached. */
    public static class MailNotSentException extends ProblemException {

        MailNotSentException(Exception cause) {
            super(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE, "Service unavailable",
                    "the email could not be sent now; try again later");
            initCause(cause);
        }
    }
}
