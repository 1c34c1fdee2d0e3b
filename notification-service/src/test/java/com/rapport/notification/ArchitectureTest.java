package com.rapport.notification;

import com.rapport.testsupport.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The shape rules every service keeps (the rules' own tests, with controllers that break them, are referral's). */
class ArchitectureTest {

    private static final JavaClasses SERVICE = ArchitectureRules.mainClassesOf("com.rapport.notification");

    @Test
    void controllersSendCommandsThroughTracedCommands() {
        ArchitectureRules.controllersSendCommandsTraced().check(SERVICE);
    }

    @Test
    void controllersNeverBlock() {
        ArchitectureRules.controllersNeverBlock().check(SERVICE);
    }
}
