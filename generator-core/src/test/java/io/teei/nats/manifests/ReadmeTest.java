package io.teei.nats.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.teei.nats.manifests.diag.RuleId;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ReadmeTest {

    private static final String ROOT = "io.teei.nats.manifests";

    @Test
    void readmeListsEveryRuleWithItsSummary() throws IOException {
        String readme = readme();
        for (RuleId rule : RuleId.values()) {
            assertThat(readme).contains("| `" + rule.id() + "` | " + rule.summary() + " |");
        }
    }

    /** The layout table names every package of the library, and each package says what it is for. */
    @Test
    void everyPackageIsDocumentedInTheReadmeAndItsPackageInfo() throws IOException {
        Set<String> packages = new TreeSet<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(ROOT)) {
            packages.add(c.getPackageName());
        }
        assertThat(packages).contains(ROOT, ROOT + ".render.common", ROOT + ".validate");
        String readme = readme();
        for (String name : packages) {
            String shortName = name.equals(ROOT) ? ROOT : name.substring(ROOT.length() + 1);
            assertThat(readme.lines().filter(l -> l.startsWith("| `")).map(l -> l.split(" \\| ")[0]))
                    .as("first cells of README's package table").anyMatch(cell -> cell.contains("`" + shortName + "`"));
            assertThat(SpecFixture.referenceDir().resolveSibling("generator-core/src/main/java")
                    .resolve(name.replace('.', '/')).resolve("package-info.java")).as("package-info of " + name).isRegularFile();
        }
    }

    private static String readme() throws IOException {
        return Files.readString(SpecFixture.referenceDir().resolveSibling("README.md"));
    }
}
