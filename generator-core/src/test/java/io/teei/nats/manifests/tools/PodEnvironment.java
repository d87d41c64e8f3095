package io.teei.nats.manifests.tools;

import static org.assertj.core.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment a container sees, resolved from its rendered {@code env} list as the kubelet
 * does: field refs from the pod, Secret refs from test values, and {@code $(VAR)} expanded from
 * variables defined earlier (an unknown reference stays as written).
 */
public final class PodEnvironment {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    private PodEnvironment() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, String> resolve(List<Map<String, Object>> env, String podName, Map<String, String> secrets) {
        Map<String, String> resolved = new LinkedHashMap<>();
        for (Map<String, Object> variable : env) {
            String name = (String) variable.get("name");
            Map<String, Object> from = (Map<String, Object>) variable.get("valueFrom");
            String value;
            if (from == null) {
                value = expand((String) variable.getOrDefault("value", ""), resolved);
            } else if (from.containsKey("fieldRef")) {
                String field = (String) ((Map<String, Object>) from.get("fieldRef")).get("fieldPath");
                if (!field.equals("metadata.name")) {
                    fail("no test value for field " + field);
                }
                value = podName;
            } else if (from.containsKey("secretKeyRef")) {
                String key = (String) ((Map<String, Object>) from.get("secretKeyRef")).get("key");
                value = secrets.get(key);
                if (value == null) {
                    fail("no test value for Secret key " + key);
                }
            } else {
                throw new AssertionError("unsupported valueFrom in " + variable);
            }
            resolved.put(name, value);
        }
        return resolved;
    }

    private static String expand(String value, Map<String, String> defined) {
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = defined.getOrDefault(matcher.group(1), matcher.group());
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
