package com.rapport.referral;

import com.rapport.testsupport.ArchitectureRules;
import com.rapport.testsupport.ServiceArchitectureTest;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shape rules every service keeps, over referral-service's classes, and each rule catching what it forbids. */
class ArchitectureTest extends ServiceArchitectureTest {

    @Nested
    class TheRules {

        @Test
        void catchAControllerSendingACommandPlainly() {
            assertThatThrownBy(() -> ArchitectureRules.controllersSendCommandsTraced()
                    .check(new ClassFileImporter().importClasses(PlainSender.class)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("PlainSender")
                    .hasMessageContaining("TracedCommands.send");
        }

        @Test
        void catchAControllerThatWaits() {
            assertThatThrownBy(() -> ArchitectureRules.controllersNeverBlock()
                    .check(new ClassFileImporter().importClasses(BlockingReader.class)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("BlockingReader")
                    .hasMessageContaining("event loop");
        }
    }

    /** What the rule is there to stop: a controller that loses the request's trace. */
    @RestController
    static class PlainSender {

        private final CommandGateway commands;

        PlainSender(CommandGateway commands) {
            this.commands = commands;
        }

        CompletableFuture<Object> send(Object command) {
            return commands.send(command);
        }
    }

    /** A controller that would stall every request sharing its event-loop thread. */
    @RestController
    static class BlockingReader {

        String read(Mono<String> answer) {
            return answer.block();
        }
    }
}
