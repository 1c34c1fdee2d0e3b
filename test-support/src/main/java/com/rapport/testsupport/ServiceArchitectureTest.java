package com.rapport.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The shape rules every service keeps ({@link ArchitectureRules}), checked over the service's own classes: a service
 * runs them with a test class that extends this one in its base package. One instance per class: the service's
 * classes are read once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceArchitectureTest {

    private final JavaClasses service = ArchitectureRules.mainClassesOf(getClass().getPackageName());

    @Test
    public void controllersSendCommandsThroughTracedCommands() {
        ArchitectureRules.controllersSendCommandsTraced().check(service);
    }

    @Test
    public void controllersNeverBlock() {
        ArchitectureRules.controllersNeverBlock().check(service);
    }
}
