package com.rapport.notification.preference;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace a partner's notification preferences with these settings. */
public record ChangeNotificationPreferences(@TargetAggregateIdentifier String partnerId,
                                            NotificationSettings settings) {
}
