package dev.shipshape.load.kubernetes;

import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.model.EnvVar;
import java.util.List;
import java.util.Optional;

/**
 * Reads a container's {@code env} and {@code envFrom}.
 *
 * <p>An {@code envFrom} entry names no single variable: it becomes one {@link EnvVar} named by
 * its {@code prefix} ("" when none), SECRET for a {@code secretRef}, REFERENCE for a
 * {@code configMapRef}, so that rules still see where the environment comes from.
 */
final class EnvironmentReader {

    private final Problems problems;

    EnvironmentReader(Problems problems) {
        this.problems = problems;
    }

    void read(Fields container, List<EnvVar> into) {
        for (YamlNode item : container.list("env")) {
            Fields.ofItem(item, "an item of 'env'", problems).ifPresent(variable -> readVariable(item, variable, into));
        }
        for (YamlNode item : container.list("envFrom")) {
            Fields.ofItem(item, "an item of 'envFrom'", problems).ifPresent(source -> readSource(item, source, into));
        }
    }

    private void readVariable(YamlNode item, Fields variable, List<EnvVar> into) {
        Optional<String> name = variable.text("name").map(setting -> setting.value());
        if (name.isEmpty()) {
            problems.warn(item.origin(), "an environment variable without a 'name'");
            return;
        }
        Optional<Fields> valueFrom = variable.mapping("valueFrom");
        if (valueFrom.isPresent()) {
            EnvVar.ValueSource source = valueFrom.get().entry("secretKeyRef").isPresent()
                    ? EnvVar.ValueSource.SECRET : EnvVar.ValueSource.REFERENCE;
            into.add(new EnvVar(name.get(), null, source, false, item.origin()));
            return;
        }
        // Kubernetes gives a variable without a value the empty string
        String value = variable.text("value").map(setting -> setting.value()).orElse("");
        into.add(EnvVar.literal(name.get(), value, value.contains("$("), item.origin()));
    }

    private void readSource(YamlNode item, Fields source, List<EnvVar> into) {
        String prefix = source.text("prefix").map(setting -> setting.value()).orElse("");
        if (source.entry("secretRef").isPresent()) {
            into.add(new EnvVar(prefix, null, EnvVar.ValueSource.SECRET, false, item.origin()));
        } else if (source.entry("configMapRef").isPresent()) {
            into.add(new EnvVar(prefix, null, EnvVar.ValueSource.REFERENCE, false, item.origin()));
        }
    }
}
