package com.rapport.notification.preference;

import com.rapport.support.id.PartnerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace a partner's notification preferences with these settings. */
public record ChangeNotificationPreferences(@TargetAggregateIdentifier PartnerId partnerId,
                                            NotificationSettings settings) {
}
