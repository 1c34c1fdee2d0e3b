package com.rapport.notification.delivery.email;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** When a partner's daily digest is due: once a day, from the digest hour on, in the partner's own time zone. */
public record DigestSchedule(int hour) {

    /** Due once the partner's local time has reached the hour, unless that local day had its digest already. */
    public boolean isDue(Instant now, ZoneId zone, LocalDate lastSentOn) {
        ZonedDateTime local = now.atZone(zone);
        return local.getHour() >= hour && (lastSentOn == null || lastSentOn.isBefore(local.toLocalDate()));
    }

    /** The partner's local day, the one a digest sent now counts for. */
    public LocalDate dayOf(Instant now, ZoneId zone) {
        return now.atZone(zone).toLocalDate();
    }
}
