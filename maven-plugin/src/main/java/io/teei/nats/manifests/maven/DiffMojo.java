package io.teei.nats.manifests.maven;

import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.RegionRole;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.render.SpecSources;
import io.teei.nats.manifests.review.DiffReport;
import io.teei.nats.manifests.review.RegionComparison;
import io.teei.nats.manifests.review.RegionDiff;
import io.teei.nats.manifests.spec.LoadedSpec;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * For review: what differs between the manifests regions run, object by object and field by
 * field. By default every region against the primary; with two regions, the second against the
 * first; with one, that region against the primary. Can also write the report as Markdown.
 */
@Mojo(name = "diff", threadSafe = true)
public class DiffMojo extends AbstractMojo {

    /** The directory holding base.yaml and one &lt;region&gt;.yaml per region. */
    @Parameter(property = "nats.manifests.specDirectory", defaultValue = "${project.basedir}/nats", required = true)
    private File specDirectory;

    /** Regions to compare, comma separated: one (against the primary) or two (second against first). */
    @Parameter(property = "nats.manifests.regions")
    private List<String> regions;

    /** Also write the report as Markdown to this file, for a pull-request comment. */
    @Parameter(property = "nats.manifests.diffOutput")
    private File diffOutput;

    /** Skips the goal, logging one line. */
    @Parameter(property = "nats.manifests.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("nats-manifests: diff skipped (nats.manifests.skip=true)");
            return;
        }
        LoadedSpec spec = SpecInput.load(specDirectory, getLog());
        Topology topology = spec.topology();
        List<RegionComparison> comparisons = new ArrayList<>();
        for (Region[] pair : pairs(topology)) {
            comparisons.add(RegionDiff.compare(topology, pair[0], pair[1], SpecSources.of(spec)));
        }
        DiffReport.text(comparisons).forEach(getLog()::info);
        if (diffOutput != null) {
            try {
                Files.createDirectories(diffOutput.toPath().toAbsolutePath().getParent());
                Files.writeString(diffOutput.toPath(), DiffReport.markdown(comparisons), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot write " + diffOutput + ": " + e.getMessage(), e);
            }
            getLog().info("Wrote the region diff as Markdown to " + diffOutput);
        }
    }

    private List<Region[]> pairs(Topology topology) throws MojoFailureException {
        Region primary = topology.regions().stream().filter(r -> r.role() == RegionRole.PRIMARY).findFirst().orElseThrow();
        List<Region[]> pairs = new ArrayList<>();
        List<String> named = regions == null ? List.of() : regions.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (named.isEmpty()) {
            topology.regions().stream().filter(r -> r != primary).forEach(r -> pairs.add(new Region[] {primary, r}));
        } else if (named.size() == 1) {
            pairs.add(new Region[] {primary, region(topology, named.get(0))});
        } else if (named.size() == 2) {
            pairs.add(new Region[] {region(topology, named.get(0)), region(topology, named.get(1))});
        } else {
            throw new MojoFailureException("nats.manifests.regions takes one or two regions, not " + named);
        }
        return pairs;
    }

    private static Region region(Topology topology, String name) throws MojoFailureException {
        return topology.region(name).orElseThrow(() -> new MojoFailureException("Unknown region '" + name
                + "' in nats.manifests.regions; the spec has " + topology.regions().stream().map(Region::name).toList()));
    }
}
