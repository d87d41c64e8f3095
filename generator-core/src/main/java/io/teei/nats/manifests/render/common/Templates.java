package io.teei.nats.manifests.render.common;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The Mustache templates under {@code templates/} (packaged as a resource folder): the NATS
 * configuration files and the stream apply script. One factory, so each template compiles once.
 */
public final class Templates {

    private static final MustacheFactory MUSTACHE = new DefaultMustacheFactory("io/teei/nats/manifests/templates");

    private Templates() {
    }

    /** Renders the named template (for example {@code nats.conf.mustache}) over the view. */
    public static String render(String template, Map<String, Object> view) {
        StringWriter out = new StringWriter();
        try {
            MUSTACHE.compile(template).execute(out, view).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
