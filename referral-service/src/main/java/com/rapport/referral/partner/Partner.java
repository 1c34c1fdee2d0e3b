package com.rapport.referral.partner;

import com.rapport.support.domain.CommandRefused;
import com.rapport.support.id.PartnerId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A partner (introducer). Registered once; its introducer, if any, must already be a partner. Its name, address and
 * language may change later; its introducer may not. Decides only on what the command carries (the parent as the
 * partner directory showed it before the command was sent, see {@link PartnerRegistration}).
 */
@Aggregate
public class Partner {

    @AggregateIdentifier
    private PartnerId partnerId;
    private String name;
    private String email;
    private String language;

    protected Partner() {
        // for Axon
    }

    @CommandHandler
    public Partner(RegisterPartner command) {
        requireSupported(command.language());
        PartnerId parent = command.parentPartnerId();
        if (parent != null && (parent.equals(command.partnerId()) || command.parent() == null
                || !parent.equals(command.parent().partnerId()))) {
            // a partner that does not exist yet cannot be anyone's introducer, so no chain can loop back
            throw new UnknownPartnerException("parentPartnerId", parent);
        }
        apply(new PartnerRegistered(command.partnerId(), command.name().trim(), command.email().trim(),
                command.language(), parent));
    }

    @CommandHandler
    void handle(UpdatePartner command) {
        requireSupported(command.language());
        String newName = command.name().trim();
        String newEmail = command.email().trim();
        if (newName.equals(name) && newEmail.equals(email) && command.language().equals(language)) {
            return;
        }
        apply(new PartnerUpdated(partnerId, newName, newEmail, command.language()));
    }

    private static void requireSupported(String language) {
        if (PartnerLanguage.ofCode(language).isEmpty()) {
            throw CommandRefused.invalid("unsupported-language", "Unsupported language",
                    "language must be one of " + PartnerLanguage.codes());
        }
    }

    @EventSourcingHandler
    void on(PartnerRegistered event) {
        this.partnerId = event.partnerId();
        this.name = event.name();
        this.email = event.email();
        this.language = event.language();
    }

    @EventSourcingHandler
    void on(PartnerUpdated event) {
        this.name = event.name();
        this.email = event.email();
        this.language = event.language();
    }
}
