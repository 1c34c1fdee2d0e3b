package com.rapport.commission;

import com.rapport.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The shape rules every service keeps (the rule's own test, with a controller that breaks it, is referral-service's). */
class ArchitectureTest {

    @Test
    void controllersSendCommandsThroughTracedCommands() {
        ArchitectureRules.controllersSendCommandsTraced().check(ArchitectureRules.mainClassesOf("com.rapport.commission"));
    }

    @Test
    void controllersNeverBlock() {
        ArchitectureRules.controllersNeverBlock().check(ArchitectureRules.mainClassesOf("com.rapport.commission"));
    }
}
