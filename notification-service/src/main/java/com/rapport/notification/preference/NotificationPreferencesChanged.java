package com.rapport.notification.preference;

/** A partner's notification preferences became these settings. */
public record NotificationPreferencesChanged(String partnerId, NotificationSettings settings) {
}
