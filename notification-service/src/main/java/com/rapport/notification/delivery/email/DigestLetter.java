package com.rapport.notification.delivery.email;

import com.rapport.notification.message.RenderedMessage;

import java.util.ArrayList;
import java.util.List;

/** The daily digest in words: one email gathering every notification that waited for it. */
public record DigestLetter(String subject, String greeting, String introduction, List<RenderedMessage> items,
                           String signOff) {

    public DigestLetter {
        items = List.copyOf(items);
    }

    /** The plain-text part: each notification under its subject, separated like paragraphs. */
    public String plainText() {
        List<String> blocks = new ArrayList<>();
        blocks.add(greeting);
        blocks.add(introduction);
        for (RenderedMessage item : items) {
            blocks.add(item.subject() + "\n" + item.body());
        }
        blocks.add(signOff);
        return String.join(RenderedMessage.PARAGRAPH_BREAK, blocks);
    }
}
