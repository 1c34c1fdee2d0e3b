package com.rapport.testsupport;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Rules of the code's shape that every service keeps, checked by a test in each. */
public final class ArchitectureRules {

    private static final String COMMAND_GATEWAY = "org.axonframework.commandhandling.gateway.CommandGateway";
    private static final String REST_CONTROLLER = "org.springframework.web.bind.annotation.RestController";

    private ArchitectureRules() {
    }

    /**
     * A request sends its commands through {@code TracedCommands.send}: with Reactor's context propagation limited,
     * a plain {@code CommandGateway.send} from a controller would not carry the request's trace into the command,
     * its events and their Kafka records.
     */
    public static ArchRule controllersSendCommandsTraced() {
        DescribedPredicate<JavaMethodCall> plainSend = DescribedPredicate.describe(
                "send a command on the CommandGateway itself",
                call -> call.getTargetOwner().isAssignableTo(COMMAND_GATEWAY) && call.getName().startsWith("send"));
        return noClasses().that().areAnnotatedWith(REST_CONTROLLER).should().callMethodWhere(plainSend)
                .because("TracedCommands.send keeps the request's trace on the command, its events and their"
                        + " Kafka records");
    }

    /**
     * A controller's methods run on the event loop: they never wait for a {@code Mono}, a {@code Flux} or a future
     * (work that must wait goes to a scheduler that may block, in the class that does it).
     */
    public static ArchRule controllersNeverBlock() {
        DescribedPredicate<JavaMethodCall> waits = DescribedPredicate.describe("wait for a result",
                call -> (call.getTargetOwner().isAssignableTo("reactor.core.publisher.Mono")
                        || call.getTargetOwner().isAssignableTo("reactor.core.publisher.Flux"))
                        && call.getName().startsWith("block")
                        || call.getTargetOwner().isAssignableTo("java.util.concurrent.Future")
                        && (call.getName().equals("get") || call.getName().equals("join"))
                        || call.getTargetOwner().isAssignableTo(COMMAND_GATEWAY)
                        && call.getName().equals("sendAndWait"));
        return noClasses().that().areAnnotatedWith(REST_CONTROLLER).should().callMethodWhere(waits)
                .because("a controller runs on the event loop, which must never block");
    }

    /** A service's own classes, without its tests. */
    public static JavaClasses mainClassesOf(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }
}
