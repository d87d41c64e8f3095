package io.teei.nats.manifests.maven;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The plugin is a shell around the core API: each mojo reads its parameters, makes one call to
 * {@code NatsManifests} and logs the outcome. Domain decisions stay in generator-core.
 */
class PluginArchitectureTest {

    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.teei.nats.manifests.maven");

    @Test
    void mojosUseOnlyTheCoreApiItsDiagnosticsAndTheOperationsApi() {
        classes().that().resideInAPackage("io.teei.nats.manifests.maven")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "io.teei.nats.manifests.maven",
                        "io.teei.nats.manifests",
                        "io.teei.nats.manifests.diag",
                        "io.teei.nats.manifests.ops",
                        "org.apache.maven.plugin..",
                        "org.apache.maven.plugins.annotations..",
                        "java..")
                .because("the core API (NatsManifests and its results) is the only way in to generator-core, and"
                        + " Operations the only way in to the disaster-recovery operations; no front end depends on another")
                .check(PLUGIN);
    }
}
