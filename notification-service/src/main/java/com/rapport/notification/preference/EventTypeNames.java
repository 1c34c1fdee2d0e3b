package com.rapport.notification.preference;

import com.rapport.events.EventType;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The names partners may use for event types when muting them: the CloudEvent type of EVENTS.md
 * ({@code rapport.referral.milestone-reached.v1}, as notifications show it), the same without prefix and version
 * ({@code referral.milestone-reached}), or the catalogue name ({@code MILESTONE_REACHED}). Stored as the CloudEvent type.
 */
public final class EventTypeNames {

    /** A referral's outcome is always told, muted or not. */
    public static final Set<EventType> OUTCOMES = EnumSet.of(EventType.CONTRACT_SIGNED,
            EventType.REFERRAL_COMPLETED, EventType.REFERRAL_LOST, EventType.REFERRAL_REJECTED);

    private static final String PREFIX = "rapport.";

    private EventTypeNames() {
    }

    public static Optional<String> canonical(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String wanted = name.trim();
        return Arrays.stream(EventType.values())
                .filter(type -> type.type().equals(wanted) || type.name().equalsIgnoreCase(wanted)
                        || shortName(type).equals(wanted))
                .map(EventType::type)
                .findFirst();
    }

    public static boolean isOutcome(String cloudEventType) {
        return EventType.ofType(cloudEventType).map(OUTCOMES::contains).orElse(false);
    }

    private static String shortName(EventType type) {
        String full = type.type();
        return full.substring(PREFIX.length(), full.lastIndexOf(".v"));
    }
}
