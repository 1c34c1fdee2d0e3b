package com.rapport.notification.message;

import com.rapport.events.money.Money;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Puts a {@link Message} into words from the message bundles ({@code messages/notifications*.properties}) in the
 * addressee's language, formatting each argument for that language. All wording lives in the bundles.

 */
@Component
public class MessageRenderer {

    static final String SUBJECT = ".subject";
    static final String BODY = ".body";
    static final String GREETING = "greeting";
    static final String SIGN_OFF = "sign-off";

    private final MessageSource messages;

    public MessageRenderer(MessageSource messages) {
        this.messages = messages;
    }

    /** The subject and what happened, in paragraphs: the notification as it is kept and listed. */
    public RenderedMessage render(Message message, Addressee to) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(text(message.key() + BODY, message.arguments(), to));
        message.paragraphs().forEach(paragraph -> paragraphs.add(text(paragraph.key(), paragraph.arguments(), to)));
        return new RenderedMessage(text(message.key() + SUBJECT, message.arguments(), to), paragraphs);
    }

    /** The same paragraphs as a letter: greeting first, sign-off last, as emails are written. */
    public List<String> letter(List<String> paragraphs, Addressee to) {
        List<String> letter = new ArrayList<>();
        letter.add(greeting(to));
        letter.addAll(paragraphs);
        letter.add(signOff(to));
        return letter;
    }

    public String greeting(Addressee to) {
        if (to.name() == null || to.name().isBlank()) {
            // a partner no event has named yet (its registration is still on its way)
            return text(GREETING + ".unnamed", List.of(), to);
        }
        return text(GREETING, List.of(to.name()), to);
    }

    public String signOff(Addressee to) {
        return text(SIGN_OFF, List.of(), to);
    }

    /** One bundle entry with its arguments formatted for the addressee. */
    public String text(String key, List<Object> arguments, Addressee to) {
        Locale locale = to.language().locale();
        Object[] formatted = arguments.stream().map(argument -> format(argument, to)).toArray();
        return messages.getMessage(key, formatted, locale);
    }

    private Object format(Object argument, Addressee to) {
        Locale locale = to.language().locale();
        if (argument instanceof Money money) {
            return LocaleFormats.money(money, locale);
        }
        if (argument instanceof Instant instant) {
            return LocaleFormats.date(instant, locale, to.timeZone());
        }
        if (argument instanceof LocalDate date) {
            return LocaleFormats.date(date, locale);
        }
        if (argument instanceof Percent percent) {
            return LocaleFormats.percent(percent, locale);
        }
        if (argument instanceof Term term) {
            // a value this version has no word for (a new status, say) is shown as it came rather than failing
            return messages.getMessage(term.key(), null, term.key().substring(term.key().lastIndexOf('.') + 1),
                    locale);
        }
        return argument;
    }
}
