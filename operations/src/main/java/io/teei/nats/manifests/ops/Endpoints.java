package io.teei.nats.manifests.ops;

import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Topology;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where and as whom the operations reach each region: the client URLs of its servers, the
 * application and system users' passwords (read from the environment variables the spec names)
 * and, with client TLS, the CA file to trust.
 *
 * @param servers client URLs by region name
 * @param environment the process environment the passwords are read from
 * @param ca the CA certificate (PEM) the servers' certificates chain to, when clients use TLS
 */
public record Endpoints(Map<String, List<String>> servers, Map<String, String> environment, Optional<Path> ca) {

    public Endpoints {
        servers = Map.copyOf(servers);
        environment = Map.copyOf(environment);
    }

    /**
     * Parses {@code region=url[,url...]} entries (several may also be joined with {@code ;}).
     *
     * @throws OpsException naming the entry that has no {@code =} or no URL
     */
    public static Map<String, List<String>> parse(List<String> entries) {
        Map<String, List<String>> servers = new LinkedHashMap<>();
        for (String joined : entries) {
            for (String entry : joined.split(";")) {
                if (entry.isBlank()) {
                    continue;
                }
                int eq = entry.indexOf('=');
                List<String> urls = new ArrayList<>();
                if (eq > 0) {
                    for (String url : entry.substring(eq + 1).split(",")) {
                        if (!url.isBlank()) {
                            urls.add(checked(url.trim()));
                        }
                    }
                }
                if (urls.isEmpty()) {
                    throw new OpsException("'" + redact(List.of(entry.trim())).get(0) + "' is not REGION=URL[,URL...]; for example us-east-1=nats://nats.us-east-1.example:4222");
                }
                servers.merge(entry.substring(0, eq).trim(), urls, (a, b) -> {
                    List<String> all = new ArrayList<>(a);
                    all.addAll(b);
                    return all;
                });
            }
        }
        return servers;
    }

    private static String checked(String url) {
        try {
            java.net.URI uri = new java.net.URI(url);
            if (uri.getHost() == null || uri.getPort() < 0 || uri.getScheme() == null) {
                throw new java.net.URISyntaxException(url, "scheme, host and port needed");
            }
            return url;
        } catch (java.net.URISyntaxException e) {
            throw new OpsException("'" + redact(List.of(url)).get(0) + "' is not a server URL like nats://<host>:<port>: "
                    + e.getReason());
        }
    }

    /** The URLs without any user or password in them, for messages. */
    static List<String> redact(List<String> urls) {
        return urls.stream().map(u -> u.replaceAll("//[^/@\\s]*@", "//")).toList();
    }

    /** The URLs of the region's servers; fails naming the option to add when none were given. */
    List<String> urls(Region region) {
        List<String> urls = servers.get(region.name());
        if (urls == null) {
            throw new OpsException("no servers given for region " + region.name() + "; add --server " + region.name()
                    + "=nats://<host>:<client port> (Maven: -Dnats.servers=\"" + region.name() + "=nats://...\")");
        }
        return urls;
    }

    /** Region names given that the spec does not declare. */
    List<String> unknownRegions(Topology topology) {
        return servers.keySet().stream().filter(name -> topology.region(name).isEmpty()).sorted().toList();
    }

    /** The value of the environment variable, or a failure saying which variable to set. */
    String secret(String variable, String what) {
        String value = environment.get(variable);
        if (value == null || value.isEmpty()) {
            throw new OpsException("environment variable " + variable + " is not set; it holds " + what
                    + " (the Secret key of the same name in the cluster)");
        }
        return value;
    }
}
