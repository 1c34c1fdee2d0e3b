package com.rapport.commission.plan;

import com.rapport.events.money.Money;
import com.rapport.support.domain.CommandRefused.Reason;
import com.rapport.support.id.PartnerId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static com.rapport.support.domain.Refusals.refused;

class CommissionPlanTest {

    static final PlanTerms STANDARD = new PlanTerms(List.of(new Tier(1, new BigDecimal("0.10")),
            new Tier(3, new BigDecimal("0.12"))), new BigDecimal("0.02"), List.of(), 14, List.of());
    static final PlanTerms RICHER = new PlanTerms(List.of(new Tier(1, new BigDecimal("0.20"))),
            new BigDecimal("0.02"), List.of(Money.of("500.00", "EUR")), 7, List.of(Money.of("50.00", "EUR")));

    static final PartnerId P_1 = PartnerId.of("p-1");
    /** What the plan catalogue answered before the assignment was sent. */
    static final boolean PUBLISHED = true;
    static final boolean NEVER_PUBLISHED = false;

    private final AggregateTestFixture<CommissionPlan> plans = new AggregateTestFixture<>(CommissionPlan.class);
    private final AggregateTestFixture<PartnerPlan> assignments = new AggregateTestFixture<>(PartnerPlan.class);

    @Test
    void publishingANewPlanCreatesVersionOne() {
        plans.givenNoPriorActivity()
                .when(new PublishPlanVersion("gold", RICHER))
                .expectEvents(new PlanVersionPublished("gold", 1, RICHER))
                .expectResultMessagePayload(1);
    }

    @Test
    void everyPublicationIsTheNextVersion() {
        plans.given(new PlanVersionPublished("gold", 1, STANDARD), new PlanVersionPublished("gold", 2, RICHER))
                .when(new PublishPlanVersion("gold", STANDARD))
                .expectEvents(new PlanVersionPublished("gold", 3, STANDARD))
                .expectResultMessagePayload(3);
    }

    @Test
    void termsWithoutATierFromContractOneAreRefused() {
        plans.givenNoPriorActivity()
                .when(new PublishPlanVersion("odd", new PlanTerms(List.of(new Tier(2, new BigDecimal("0.10"))),
                        BigDecimal.ZERO, List.of(), 14, List.of())))
                .expectException(InvalidPlanException.class)
                .expectException(refused(Reason.INVALID, "invalid-plan"))
                .expectNoEvents();
    }

    @Test
    void aRateAboveOneHundredPercentIsRefused() {
        plans.givenNoPriorActivity()
                .when(new PublishPlanVersion("odd", new PlanTerms(List.of(new Tier(1, new BigDecimal("1.10"))),
                        BigDecimal.ZERO, List.of(), 14, List.of())))
                .expectException(InvalidPlanException.class)
                .expectException(refused(Reason.INVALID, "invalid-plan"));
    }

    @Test
    void theDefaultPlanIsCreatedOnceAndLeftAloneAfterwards() {
        plans.givenNoPriorActivity()
                .when(new EstablishDefaultPlan("standard", STANDARD))
                .expectEvents(new PlanVersionPublished("standard", 1, STANDARD));
        plans.given(new PlanVersionPublished("standard", 1, STANDARD), new PlanVersionPublished("standard", 2, RICHER))
                .when(new EstablishDefaultPlan("standard", STANDARD))
                .expectNoEvents()
                .expectResultMessagePayload(2);
    }

    @Test
    void aPartnerIsPutOnAPublishedPlan() {
        assignments.givenNoPriorActivity()
                .when(new AssignPlan(P_1, "gold", PUBLISHED))
                .expectEvents(new PlanAssigned("p-1", "gold"));
    }

    @Test
    void assigningThePlanAPartnerIsAlreadyOnChangesNothing() {
        assignments.given(new PlanAssigned("p-1", "gold"))
                .when(new AssignPlan(P_1, "gold", PUBLISHED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPlanThatWasNeverPublishedCannotBeAssigned() {
        assignments.givenNoPriorActivity()
                .when(new AssignPlan(P_1, "platinum", NEVER_PUBLISHED))
                .expectException(UnknownPlanException.class)
                .expectException(refused(Reason.INVALID, "unknown-plan"));
    }
}
