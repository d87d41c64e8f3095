package io.teei.nats.manifests.maven;

import io.teei.nats.manifests.ops.OpsCommand;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the disaster-recovery goals share: the spec, where each region's servers are, and the CA
 * to trust. Each goal runs the same code as the executable jar's command of the same name, with
 * the passwords read from the environment variables the spec names.
 */
abstract class OpsMojo extends AbstractMojo {

    /** The directory holding base.yaml and one &lt;region&gt;.yaml per region. */
    @Parameter(property = "nats.manifests.specDirectory", defaultValue = "${project.basedir}/nats", required = true)
    private File specDirectory;

    /**
     * Client URLs of each region's servers: {@code region=url[,url...]}, regions joined with
     * {@code ;}, for example {@code us-east-1=nats://nats.us.example:4222;eu-central-1=nats://nats.eu.example:4222}.
     */
    @Parameter(property = "nats.servers", required = true)
    private String servers;

    /** The CA certificate (PEM) of the servers, when the spec gives clients TLS. */
    @Parameter(property = "nats.ca")
    private File ca;

    /** The command and its own options, as the jar takes them. */
    abstract List<String> command();

    @Override
    public void execute() throws MojoFailureException {
        List<String> args = new ArrayList<>(command());
        args.addAll(List.of("--spec", specDirectory.getPath(), "--server", servers));
        if (ca != null) {
            args.addAll(List.of("--ca", ca.getPath()));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = OpsCommand.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true), System.getenv());
        out.toString().lines().forEach(getLog()::info);
        err.toString().lines().forEach(getLog()::error);
        if (exit != OpsCommand.OK) {
            throw new MojoFailureException("nats-manifests " + args.get(0) + " "
                    + (exit == OpsCommand.PROBLEM ? "found a problem or refused (see above)" : "could not run: see the errors above"));
        }
    }

    void configure(File specDirectory, String servers) {
        this.specDirectory = specDirectory;
        this.servers = servers;
    }
}
