package io.teei.nats.manifests.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import io.teei.nats.manifests.model.ValidatedSpec;
import org.junit.jupiter.api.Test;

/**
 * Which package of generator-core may use which, as the package-info of each says, and what the
 * core may not use at all. The rules run
 * over the compiled main classes, so a forbidden import fails the build, not a review.
 */
class ArchitectureTest {

    private static final String ROOT = "io.teei.nats.manifests";

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ROOT);

    /** Every package its own slice: no two packages may reach each other, directly or around a loop. */
    private static final SliceAssignment EVERY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.equals(ROOT) || name.startsWith(ROOT + ".") ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "every package of generator-core";
        }
    };

    @Test
    void noPackageCycles() {
        slices().assignedFrom(EVERY_PACKAGE).should().beFreeOfCycles().check(CORE);
    }

    /**
     * The core renders at build time, in a Maven build or any JVM: the NATS client belongs to
     * nats-manifests-operations, the command-line library to nats-manifests-cli. (The build's
     * enforcer rule keeps them out of the core's dependencies too; the tests alone may use jnats.)
     */
    @Test
    void coreUsesNoNetworkClientAndNoCommandLineLibrary() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.nats..", "picocli..")
                .because("the rendering core has no network code and no command line; those are the operations and cli modules")
                .check(CORE);
    }

    @Test
    void renderingNeverReadsOrValidatesSpecFiles() {
        noClasses().that().resideInAPackage(ROOT + ".render..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".spec..", ROOT + ".validate..")
                .because("rendering takes a ValidatedSpec; reading and checking spec files happen before it")
                .check(CORE);
    }

    @Test
    void onlyValidationMakesAValidatedSpec() {
        constructors().that().areDeclaredIn(ValidatedSpec.class)
                .should().onlyBeCalled().byClassesThat().resideInAPackage(ROOT + ".validate")
                .because("a ValidatedSpec is the proof that every rule passed")
                .check(CORE);
    }

    /** The table the package-info files state in words: each layer and what it may use. */
    @Test
    void eachPackageUsesOnlyWhatItsPackageInfoAllows() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("api").definedBy(ROOT)
                .layer("diag").definedBy(ROOT + ".diag")
                .layer("model").definedBy(ROOT + ".model")
                .layer("output").definedBy(ROOT + ".output")
                .layer("spec").definedBy(ROOT + ".spec")
                .layer("validate").definedBy(ROOT + ".validate")
                .layer("schema").definedBy(ROOT + ".schema")
                .layer("review").definedBy(ROOT + ".review")
                .layer("render").definedBy(ROOT + ".render")
                .layer("render.kustomize").definedBy(ROOT + ".render.kustomize")
                .layer("render.region").definedBy(ROOT + ".render.region")
                .layer("render.k8s").definedBy(ROOT + ".render.k8s")
                .layer("render.monitoring").definedBy(ROOT + ".render.monitoring")
                .layer("render.nats").definedBy(ROOT + ".render.nats")
                .layer("render.streams").definedBy(ROOT + ".render.streams")
                .layer("render.runbook").definedBy(ROOT + ".render.runbook")
                .layer("render.common").definedBy(ROOT + ".render.common")
                .whereLayer("diag").mayNotAccessAnyLayer()
                .whereLayer("model").mayNotAccessAnyLayer()
                .whereLayer("output").mayNotAccessAnyLayer()
                .whereLayer("spec").mayOnlyAccessLayers("diag", "model")
                .whereLayer("validate").mayOnlyAccessLayers("diag", "model", "spec")
                .whereLayer("schema").mayOnlyAccessLayers("model", "spec")
                .whereLayer("schema").mayOnlyBeAccessedByLayers("api")
                .whereLayer("render.common").mayOnlyAccessLayers("model")
                .whereLayer("render.k8s").mayOnlyAccessLayers("model", "render.common")
                .whereLayer("render.monitoring").mayOnlyAccessLayers("model", "render.common")
                .whereLayer("render.nats").mayOnlyAccessLayers("model", "render.common")
                .whereLayer("render.streams").mayOnlyAccessLayers("model", "render.common")
                .whereLayer("render.runbook").mayOnlyAccessLayers("model", "render.common")
                .whereLayer("render.region").mayOnlyAccessLayers("model", "render.common",
                        "render.k8s", "render.monitoring", "render.nats", "render.streams")
                .whereLayer("render.kustomize").mayOnlyAccessLayers("model", "output", "render.common",
                        "render.region", "render.k8s", "render.streams")
                .whereLayer("render").mayOnlyAccessLayers("model", "output", "render.common", "render.kustomize",
                        "render.runbook")
                .whereLayer("review").mayOnlyAccessLayers("model", "output", "render.common", "render.region")
                .whereLayer("api").mayNotBeAccessedByAnyLayer()
                .check(CORE);
    }
}
