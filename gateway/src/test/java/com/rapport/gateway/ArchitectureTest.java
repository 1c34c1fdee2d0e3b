package com.rapport.gateway;

import com.rapport.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The shape rules the gateway shares with the services (it sends no commands). */
class ArchitectureTest {

    @Test
    void controllersNeverBlock() {
        ArchitectureRules.controllersNeverBlock().check(ArchitectureRules.mainClassesOf("com.rapport.gateway"));
    }
}
