package com.rapport.notification.message;

import java.time.ZoneId;

/** Who reads a message: the name to greet, the language to write in and the time zone dates are shown in. */
public record Addressee(String name, Language language, ZoneId timeZone) {
}
