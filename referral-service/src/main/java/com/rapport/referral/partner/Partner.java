package com.rapport.referral.partner;

import com.rapport.support.problem.ProblemException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.http.HttpStatus;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A partner (introducer). Registered once; its introducer, if any, must already be a partner. */
@Aggregate
public class Partner {

    @AggregateIdentifier
    private PartnerId partnerId;

    protected Partner() {
        // for Axon
    }

    @CommandHandler
    public Partner(RegisterPartner command, PartnerDirectory directory) {
        if (PartnerLanguage.ofCode(command.language()).isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "unsupported-language", "Unsupported language",
                    "language must be one of " + PartnerLanguage.codes());
        }
        PartnerId parent = command.parentPartnerId();
        if (parent != null && (parent.equals(command.partnerId()) || directory.find(parent).isEmpty())) {
            // a partner that does not exist yet cannot be anyone's introducer, so no chain can loop back
            throw new UnknownPartnerException("parentPartnerId", parent);
        }
        apply(new PartnerRegistered(command.partnerId(), command.name().trim(), command.email().trim(),
                command.language(), parent));
    }

    @EventSourcingHandler
    void on(PartnerRegistered event) {
        this.partnerId = event.partnerId();
    }
}
