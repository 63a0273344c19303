package dev.shipshape.load.kubernetes;

import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import java.util.ArrayList;
import java.util.List;

/** The diagnostics of one manifest file, in the order they were found. */
final class Problems {

    private final List<Diagnostic> diagnostics = new ArrayList<>();

    void warn(Origin origin, String message) {
        diagnostics.add(Diagnostic.warning(origin, message));
    }

    void info(Origin origin, String message) {
        diagnostics.add(new Diagnostic(Diagnostic.Level.INFO, origin, message));
    }

    /** "'containers' should be a list, not a scalar", pointing at the value that is wrong. */
    void wrongType(String key, YamlNode value, String expected) {
        warn(value.origin(), "'" + key + "' should be " + expected + ", not " + value.describeType());
    }

    List<Diagnostic> all() {
        return diagnostics;
    }
}
