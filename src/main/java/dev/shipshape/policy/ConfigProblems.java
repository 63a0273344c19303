package dev.shipshape.policy;

import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.model.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects what is wrong in a configuration file, each as "file:line:col: what to do", so that
 * every mistake is reported at once; and reads the shapes every section expects.
 */
final class ConfigProblems {

    private final List<String> problems = new ArrayList<>();

    void add(Origin origin, String message) {
        problems.add(origin + ": " + message);
    }

    /** A problem already worded with its place ("file: cannot read …"). */
    void add(String locatedMessage) {
        problems.add(locatedMessage);
    }

    void addAll(List<String> locatedMessages) {
        problems.addAll(locatedMessages);
    }

    List<String> all() {
        return List.copyOf(problems);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** The items of a list; null counts as an empty list (the key written with no value). */
    List<YamlNode> list(YamlNode value, String key, String whatItems) {
        if (value.isNull()) return List.of();
        if (!value.isList()) {
            add(value.origin(), "%s must be a list of %s; found %s".formatted(key, whatItems, describe(value)));
            return List.of();
        }
        return value.items();
    }

    Optional<String> scalar(YamlNode value, String key, String what) {
        if (value.isScalar() && !value.isNull()) return value.text();
        add(value.origin(), "%s must be %s; found %s".formatted(key, what, describe(value)));
        return Optional.empty();
    }

    static String describe(YamlNode value) {
        return value.isScalar() && !value.isNull() ? "'" + value.textOr("") + "'" : value.describeType();
    }
}
