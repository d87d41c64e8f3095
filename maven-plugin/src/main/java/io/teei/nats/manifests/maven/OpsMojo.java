package io.teei.nats.manifests.maven;

import io.teei.nats.manifests.ops.Operations;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the disaster-recovery goals share: the spec, where each region's servers are, and the CA
 * to trust. Each goal runs the same {@link Operations} as the {@code nats-manifests} command of the
 * same name, with the passwords read from the environment variables the spec names.
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

    /** The goal's name, for its failure message. */
    abstract String name();

    /** Runs the operation (see {@link Operations}); answers its exit code. */
    abstract int run(Operations.Target target);

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit;
        try {
            exit = run(new Operations.Target(specDirectory.toPath(), List.of(servers), Optional.ofNullable(ca).map(File::toPath),
                    System.getenv(), new PrintWriter(out, true), new PrintWriter(err, true)));
        } catch (RuntimeException e) {
            throw new MojoExecutionException("nats-manifests " + name() + " stopped: " + e, e);
        } finally {
            out.toString().lines().forEach(getLog()::info);
            err.toString().lines().forEach(getLog()::error);
        }
        if (exit != Operations.OK) {
            throw new MojoFailureException("nats-manifests " + name() + " "
                    + (exit == Operations.PROBLEM ? "found a problem or refused (see above)" : "could not run: see the errors above"));
        }
    }

    void configure(File specDirectory, String servers) {
        this.specDirectory = specDirectory;
        this.servers = servers;
    }
}
