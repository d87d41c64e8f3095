package io.teei.nats.manifests.render.runbook;

import io.teei.nats.manifests.model.RegionRole;
import java.util.List;
import java.util.Objects;

/** The change of one region file that records a failover: its new role and its changed streams. */
public record RegionEdit(String region, RegionRole role, List<StreamEdit> streams) {

    public RegionEdit {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(role, "role");
        streams = List.copyOf(streams);
    }

    /** The changed lines as they read after the edit, in the region file's layout. */
    public String yaml() {
        StringBuilder out = new StringBuilder("role: ").append(role.specName()).append('\n');
        if (!streams.isEmpty()) {
            out.append("streams:\n");
            for (StreamEdit edit : streams) {
                out.append("  - name: ").append(edit.stream()).append('\n')
                        .append("    ").append(edit.addedLine()).append('\n');
            }
        }
        return out.toString();
    }
}
