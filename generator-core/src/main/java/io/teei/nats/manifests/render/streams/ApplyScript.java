package io.teei.nats.manifests.render.streams;

import io.teei.nats.manifests.model.Account;
import io.teei.nats.manifests.model.Credentials;
import io.teei.nats.manifests.model.Login;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.Stream;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.render.common.Names;
import io.teei.nats.manifests.render.common.Templates;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** The idempotent script that creates or updates a region's streams from their JSON configs. */
public final class ApplyScript {

    private ApplyScript() {
    }

    /**
     * The application account's streams first, sources before mirrors; then the sovereign
     * account's, logged in as its user from the variables named like its Secret keys.
     */
    public static String script(Topology topology, Region region, String header) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("header", header);
        view.put("region", region.name());
        view.put("namespace", topology.namespace());
        view.put("service", Names.of(topology).clientService());
        view.put("port", topology.ports().client());
        view.put("login", topology.accounts().app().login() instanceof Login.Password password
                ? "NATS_USER=" + password.user() + " NATS_PASSWORD=..." : "NATS_CREDS=<a .creds file of the application account>");
        Optional<Account> sovereign = topology.sovereignAccountOf(region);
        Predicate<Stream> inSovereign = s -> topology.inSovereignAccount(region, s);
        view.put("streams", region.streams().stream().filter(inSovereign.negate())
                .sorted(Comparator.comparing((Stream s) -> s.mirror().isPresent())).map(ApplyScript::quoted).toList());
        List<String> sovereignStreams = region.streams().stream().filter(inSovereign).map(ApplyScript::quoted).toList();
        if (!sovereignStreams.isEmpty()) {
            Account account = sovereign.get();
            Map<String, Object> login = new LinkedHashMap<>();
            login.put("zone", region.zone().orElseThrow().name());
            login.put("account", account.name());
            login.put("streams", sovereignStreams);
            if (account.login() instanceof Credentials user) {
                login.put("user", user.user().key());
                login.put("password", user.password().key());
                login.put("userVar", "{" + user.user().key() + "}");
                login.put("passwordVar", "{" + user.password().key() + "}");
            } else {
                String key = account.login().secretKeys().get(0).key();
                login.put("creds", key);
                login.put("credsVar", "{" + key + "}");
            }
            view.put("sovereign", login);
        }
        return Templates.render("apply-streams.sh.mustache", view);
    }

    private static String quoted(Stream stream) {
        return "'" + stream.name().replace("'", "'\\''") + "'";
    }
}
