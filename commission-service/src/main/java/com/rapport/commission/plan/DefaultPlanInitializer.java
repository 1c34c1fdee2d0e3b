package com.rapport.commission.plan;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Makes sure the default plan exists on first start. The command does nothing when the plan already has a
 * version; two instances starting together collide in the event store and the loser simply finds it there.
 */
@Component
class DefaultPlanInitializer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DefaultPlanInitializer.class);

    private final CommandGateway commands;
    private final DefaultPlanProperties defaultPlan;

    DefaultPlanInitializer(CommandGateway commands, DefaultPlanProperties defaultPlan) {
        this.commands = commands;
        this.defaultPlan = defaultPlan;
    }

    @Override
    public void run(ApplicationArguments args) {
        EstablishDefaultPlan command = new EstablishDefaultPlan(defaultPlan.planId(), defaultPlan.terms());
        try {
            Integer version = commands.sendAndWait(command);
            log.info("Default commission plan '{}' is at version {}", defaultPlan.planId(), version);
        } catch (RuntimeException raced) {
            // another instance created it at the same moment: check that it is there
            Integer version = commands.sendAndWait(command);
            log.info("Default commission plan '{}' is at version {}", defaultPlan.planId(), version);
        }
    }
}
