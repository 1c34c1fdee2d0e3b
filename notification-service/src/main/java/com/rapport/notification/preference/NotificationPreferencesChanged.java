package com.rapport.notification.preference;

import com.rapport.support.id.PartnerId;

/** A partner's notification preferences became these settings. */
public record NotificationPreferencesChanged(PartnerId partnerId, NotificationSettings settings) {
}
