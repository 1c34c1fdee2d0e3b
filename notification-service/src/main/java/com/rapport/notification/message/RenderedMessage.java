package com.rapport.notification.message;

import java.util.List;

/** A message in words: a subject and paragraphs (what happened, then details such as a reason or a commission). */
public record RenderedMessage(String subject, List<String> paragraphs) {

    public static final String PARAGRAPH_BREAK = "\n\n";

    public RenderedMessage {
        paragraphs = List.copyOf(paragraphs);
    }

    /** The plain-text body: paragraphs separated by a blank line. */
    public String body() {
        return String.join(PARAGRAPH_BREAK, paragraphs);
    }
}
