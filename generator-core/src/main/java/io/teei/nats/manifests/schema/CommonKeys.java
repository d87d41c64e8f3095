package io.teei.nats.manifests.schema;

import io.teei.nats.manifests.spec.SpecKind;
import java.util.Arrays;
import java.util.function.Function;

/** Keys and values both kinds of spec file use. */
final class CommonKeys {

    static final SpecValue.Text TEXT = SpecValue.Text.ANY;
    static final SpecValue WHOLE = new SpecValue.Whole();
    static final SpecValue FLAG = new SpecValue.Flag();
    static final SpecValue SIZE = new SpecValue.Size(false);
    static final SpecValue POSITIVE_SIZE = new SpecValue.Size(true);
    static final SpecValue DURATION = new SpecValue.Duration();
    static final SpecValue TEXT_MAP = new SpecValue.TextMap();

    private CommonKeys() {
    }

    static SpecKey apiVersion() {
        return SpecKey.required("apiVersion", new SpecValue.Constant(SpecKind.API_VERSION),
                "The version of the spec format; every spec file starts with it.");
    }

    static SpecKey kind(SpecKind kind) {
        return SpecKey.required("kind", new SpecValue.Constant(kind.kind()),
                "What this file describes: '" + SpecKind.TOPOLOGY.kind() + "' in base.yaml, '" + SpecKind.REGION.kind()
                        + "' in each <region>.yaml.");
    }

    /** The spec words of an enum the readers read with {@code ValueReader.oneOf}. */
    static <E extends Enum<E>> SpecValue.Words words(E[] values, Function<E, String> specName) {
        return new SpecValue.Words(Arrays.stream(values).map(specName).toList());
    }
}
