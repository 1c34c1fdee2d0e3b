package com.rapport.notification.preference;

import com.rapport.support.id.PartnerId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A partner's notification preferences (command side), event-sourced: the first change creates them, a change that
 * changes nothing records nothing, and a digest without email is refused.
 */
@Aggregate
public class NotificationPreferences {

    @AggregateIdentifier
    private PartnerId partnerId;
    private NotificationSettings settings;

    protected NotificationPreferences() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ChangeNotificationPreferences command) {
        NotificationSettings wanted = command.settings();
        if (wanted.frequency() == Frequency.DAILY_DIGEST && !wanted.email()) {
            throw new DigestNeedsEmailException();
        }
        if (partnerId != null && wanted.equals(settings)) {
            return;
        }
        apply(new NotificationPreferencesChanged(command.partnerId(), wanted));
    }

    @EventSourcingHandler
    void on(NotificationPreferencesChanged changed) {
        partnerId = changed.partnerId();
        settings = changed.settings();
    }
}
