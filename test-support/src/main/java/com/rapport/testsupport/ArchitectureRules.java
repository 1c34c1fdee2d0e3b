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

    /** A service's own classes, without its tests. */
    public static JavaClasses mainClassesOf(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }
}
