package io.teei.nats.manifests.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.teei.nats.manifests.ops.Operations;
import org.junit.jupiter.api.Test;

/** The command line is a front end like the Maven plugin: options in, one core or operations call, its answer out. */
class CliArchitectureTest {

    private static final JavaClasses CLI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.teei.nats.manifests.cli");

    @Test
    void commandsUseOnlyTheCoreApiItsDiagnosticsAndTheOperationsApi() {
        classes().that().resideInAPackage("io.teei.nats.manifests.cli")
                .should().onlyDependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "the core API, its diagnostics, Operations, picocli or the JDK", c -> c.getPackageName().equals("io.teei.nats.manifests")
                                || c.getPackageName().equals("io.teei.nats.manifests.cli")
                                || c.getPackageName().equals("io.teei.nats.manifests.diag")
                                || c.getName().startsWith(Operations.class.getName())
                                || c.getPackageName().startsWith("picocli")
                                || c.getPackageName().startsWith("java.")
                                || c.isPrimitive() || c.isArray()))
                .because("the command line maps options onto NatsManifests and Operations, as the mojos do; it renders,"
                        + " validates and talks to servers only through them, and depends on no other front end")
                .check(CLI);
    }
}
