package com.rapport.notification.message;

import java.util.ArrayList;
import java.util.List;

/**
 * What to tell a partner before it is put into words: a key of the message bundles ({@code <key>.subject},
 * {@code <key>.body}) with its typed arguments, and optional further paragraphs. Arguments stay typed (Money, Instant,
 * LocalDate, {@link Term}, {@link Percent}) so that each language formats them its own way.
 */
public record Message(String key, List<Object> arguments, List<Paragraph> paragraphs) {

    public Message {
        arguments = List.copyOf(arguments);
        paragraphs = List.copyOf(paragraphs);
    }

    public static Message of(String key, Object... arguments) {
        return new Message(key, List.of(arguments), List.of());
    }

    /** The same message with one more paragraph after the body. */
    public Message with(String paragraphKey, Object... arguments) {
        List<Paragraph> more = new ArrayList<>(paragraphs);
        more.add(new Paragraph(paragraphKey, List.of(arguments)));
        return new Message(key, arguments(), more);
    }

    /** One further paragraph: its own bundle key and arguments. */
    public record Paragraph(String key, List<Object> arguments) {

        public Paragraph {
            arguments = List.copyOf(arguments);
        }
    }
}
