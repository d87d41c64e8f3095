package io.teei.nats.manifests.render;

import io.teei.nats.manifests.GenerateResult;
import io.teei.nats.manifests.NatsManifests;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TimeZone;

/**
 * A generate in a process of its own, for the test that renders under other defaults than the
 * build's: {@code RenderProcess SPEC-DIR OUTPUT-DIR}. It prints the locale, time zone and file
 * encoding it runs with (so the test can tell they took effect), then the spec's problems; it
 * exits 1 when the spec has an error and nothing was written.
 */
public final class RenderProcess {

    private RenderProcess() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("defaults " + Locale.getDefault() + " " + TimeZone.getDefault().getID() + " "
                + Charset.defaultCharset());
        GenerateResult result = NatsManifests.generate(Path.of(args[0]), Path.of(args[1]));
        result.report().problems().forEach(p -> System.out.println(p.format()));
        System.exit(result.written().isPresent() ? 0 : 1);
    }
}
