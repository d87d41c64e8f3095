package io.teei.nats.manifests.review;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.ValidatedSpec;
import io.teei.nats.manifests.output.UnifiedDiff;
import io.teei.nats.manifests.render.region.RegionManifests;
import io.teei.nats.manifests.render.common.YamlWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Compares what two regions run, object by object and field by field. A difference that
 * vanishes once each region's own name, domain and cluster name are written as placeholders
 * ({@code <region>}, {@code <domain>}, {@code <cluster>}) is folded: it follows from the name
 * alone. Text fields (the config files) are compared line by line with the placeholders in.
 */
public final class RegionDiff {

    private RegionDiff() {
    }

    public static RegionComparison compare(ValidatedSpec spec, Region left, Region right) {
        Map<String, Map<String, Object>> leftObjects = byKindAndName(RegionManifests.objects(spec, left));
        Map<String, Map<String, Object>> rightObjects = byKindAndName(RegionManifests.objects(spec, right));
        Set<String> keys = new LinkedHashSet<>(leftObjects.keySet());
        keys.addAll(rightObjects.keySet());
        List<ObjectDifference> objects = new ArrayList<>();
        int folded = 0;
        for (String key : keys) {
            if (!rightObjects.containsKey(key)) {
                objects.add(new ObjectDifference(key, ObjectDifference.Presence.ONLY_LEFT, List.of()));
                continue;
            }
            if (!leftObjects.containsKey(key)) {
                objects.add(new ObjectDifference(key, ObjectDifference.Presence.ONLY_RIGHT, List.of()));
                continue;
            }
            Map<String, Object> a = flatten(leftObjects.get(key), left);
            Map<String, Object> b = flatten(rightObjects.get(key), right);
            Set<String> fields = new LinkedHashSet<>(a.keySet());
            fields.addAll(b.keySet());
            List<FieldDifference> differences = new ArrayList<>();
            List<String> wholeItems = new ArrayList<>();
            for (String field : fields) {
                if (wholeItems.stream().anyMatch(field::startsWith)) {
                    continue;
                }
                Object x = a.get(field);
                Object y = b.get(field);
                if (x instanceof NamedItem || y instanceof NamedItem) {
                    if (x instanceof NamedItem && y instanceof NamedItem) {
                        continue;
                    }
                    wholeItems.add(field);
                    Object item = x instanceof NamedItem nx ? nx.item() : ((NamedItem) y).item();
                    String shown = FLOW.dumpToString(item).strip();
                    differences.add(new FieldDifference(field, x == null ? Optional.empty() : Optional.of(shown),
                            y == null ? Optional.empty() : Optional.of(shown), List.of()));
                    continue;
                }
                if (Objects.equals(x, y)) {
                    continue;
                }
                String maskedX = x == null ? null : mask(String.valueOf(x), left);
                String maskedY = y == null ? null : mask(String.valueOf(y), right);
                if (Objects.equals(maskedX, maskedY)) {
                    folded++;
                } else if (x instanceof String sx && y instanceof String sy && (sx.contains("\n") || sy.contains("\n"))) {
                    List<String> diff = UnifiedDiff.between(field, maskedX, maskedY);
                    differences.add(new FieldDifference(field, Optional.empty(), Optional.empty(), diff.subList(2, diff.size())));
                } else {
                    differences.add(new FieldDifference(field, Optional.ofNullable(x).map(RegionDiff::show),
                            Optional.ofNullable(y).map(RegionDiff::show), List.of()));
                }
            }
            if (!differences.isEmpty()) {
                objects.add(new ObjectDifference(key, ObjectDifference.Presence.BOTH, differences));
            }
        }
        return new RegionComparison(left.name(), right.name(), objects, folded);
    }

    /** The region's own names written as placeholders, longest first (the cluster name holds the region's). */
    static String mask(String value, Region region) {
        String masked = value.replace(region.clusterName(), "<cluster>").replace(region.name(), "<region>");
        return region.domain().equals(region.name()) ? masked : masked.replace(region.domain(), "<domain>");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> byKindAndName(List<HasMetadata> objects) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        Load load = new Load(LoadSettings.builder().build());
        for (HasMetadata object : objects) {
            result.put(object.getKind() + "/" + object.getMetadata().getName(),
                    (Map<String, Object>) load.loadFromString(YamlWriter.write(object)));
        }
        return result;
    }

    /** A list item with a name, recorded at its own path so one that only one side has shows as a whole. */
    private record NamedItem(Object item) {
    }

    private static final Dump FLOW = new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.FLOW).setWidth(Integer.MAX_VALUE).build());

    /**
     * Leaf values by field path. List items that have a name (or, for alert rules, an alert
     * name) are addressed by it, with the region's own names masked, so items match across
     * regions ({@code env[NATS_LEAFNODE_URL]}, {@code groups[nats-<region>]}).
     */
    static Map<String, Object> flatten(Map<String, Object> object, Region region) {
        Map<String, Object> leaves = new LinkedHashMap<>();
        flatten("", object, region, leaves);
        return leaves;
    }

    private static void flatten(String path, Object value, Region region, Map<String, Object> leaves) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((k, v) -> flatten(path + key(String.valueOf(k), path.isEmpty()), v, region, leaves));
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            boolean named = list.stream().allMatch(i -> itemName(i) != null);
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                String index = named ? mask(itemName(item), region) : Integer.toString(i);
                if (named) {
                    leaves.put(path + "[" + index + "]", new NamedItem(item));
                }
                flatten(path + "[" + index + "]", item, region, leaves);
            }
        } else {
            leaves.put(path, value);
        }
    }

    private static String itemName(Object item) {
        if (item instanceof Map<?, ?> map) {
            Object name = map.containsKey("name") ? map.get("name") : map.get("alert");
            return name instanceof String text ? text : null;
        }
        return null;
    }

    private static String key(String key, boolean first) {
        if (key.matches("[A-Za-z0-9_-]+")) {
            return first ? key : "." + key;
        }
        return "[\"" + key + "\"]";
    }

    private static String show(Object value) {
        return String.valueOf(value);
    }
}
