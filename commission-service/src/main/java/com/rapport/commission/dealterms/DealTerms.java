package com.rapport.commission.dealterms;

import com.rapport.support.id.ReferralId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The commission terms finance agreed for one referral (COMMISSIONS.md "Per-deal terms"). They may change until the
 * referral's contract is signed; the contract locks them, like a plan, and the commission applies what was locked.
 */
@Aggregate
public class DealTerms {

    /** {@code deal-terms/<referralId>}: the event store keys every aggregate's events by its id alone. */
    @AggregateIdentifier
    private String dealTermsId;
    private AgreedTerms terms;
    private boolean locked;

    /** What {@link LockDealTerms} answers: the terms that apply to the contract, null when the plan does. */
    public record LockedTerms(AgreedTerms terms) {
    }

    public static String idOf(ReferralId referralId) {
        return "deal-terms/" + referralId.value();
    }

    protected DealTerms() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public AgreedTerms handle(AgreeDealTerms command) {
        if (locked) {
            throw new TermsLockedException(command.referralId());
        }
        List<String> problems = DealTermsRules.violations(command.terms());
        if (!problems.isEmpty()) {
            throw new InvalidDealTermsException(problems);
        }
        if (!Objects.equals(terms, command.terms())) {
            apply(new DealTermsAgreed(command.referralId().value(), command.terms(), command.agreedBy(),
                    command.agreedAt()));
        }
        return command.terms();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public LockedTerms handle(LockDealTerms command) {
        if (!locked) {
            apply(new DealTermsLocked(command.referralId().value(), terms, command.sourceEventId(),
                    command.lockedAt()));
        }
        return new LockedTerms(terms);
    }

    @EventSourcingHandler
    void on(DealTermsAgreed event) {
        dealTermsId = idOf(ReferralId.of(event.referralId()));
        terms = event.terms();
    }

    @EventSourcingHandler
    void on(DealTermsLocked event) {
        dealTermsId = idOf(ReferralId.of(event.referralId()));
        locked = true;
    }
}
