package dev.shipshape.systems;

import java.util.List;
import java.util.Locale;

/**
 * One setting the catalogue names: where to look for it and which values count.
 *
 * @param where    what kind of setting it is
 * @param name     the variable, flag, fragment, container path or port it names
 * @param values   the values that match, compared ignoring case; empty means any value
 * @param contains a fragment the value must contain, or null
 * @param except   values that never match, compared ignoring case
 * @param prefix   what the value must start with, which the found value then leaves out
 *                 ({@code --override listeners=…} is the setting {@code listeners}), or null
 */
public record SettingPattern(Where where, String name, List<String> values, String contains, List<String> except, String prefix) {

    public enum Where {
        /** An environment variable (a secret or field reference counts as present, with no value). */
        ENV,
        /** A command-line flag, {@code --name=value} or {@code --name value}, with any number of leading dashes. */
        FLAG,
        /** A fragment of any command item or environment value. */
        TEXT,
        /** A fragment of a command item. */
        ARGUMENT,
        /** A mount whose container path is at or under the name. */
        MOUNT,
        /** The container port, published on every host interface. */
        PUBLISHED
    }

    public SettingPattern {
        values = List.copyOf(values);
        except = List.copyOf(except);
    }

    /** A setting whose value is taken whole. */
    public SettingPattern(Where where, String name, List<String> values, String contains, List<String> except) {
        this(where, name, values, contains, except, null);
    }

    /** True when a found value matches; null is a value that comes from elsewhere (a secret), which matches only an unconstrained pattern. */
    boolean accepts(String value) {
        boolean constrained = !values.isEmpty() || contains != null || !except.isEmpty();
        if (value == null) return !constrained && prefix == null;
        if (prefix != null && !value.startsWith(prefix)) return false;
        String meant = meaning(value);
        String lower = meant.strip().toLowerCase(Locale.ROOT);
        if (!values.isEmpty() && values.stream().noneMatch(allowed -> allowed.toLowerCase(Locale.ROOT).equals(lower))) return false;
        if (contains != null && !meant.contains(contains)) return false;
        return except.stream().noneMatch(excluded -> excluded.toLowerCase(Locale.ROOT).equals(lower));
    }

    /** How a message lists it: {@code --cert-file}, {@code ETCD_AUTO_TLS=true}, {@code --listen-client-urls with https://}. */
    public String shortForm() {
        if (where == Where.MOUNT) return "a mount at " + name;
        if (where == Where.PUBLISHED) return "port " + name + " published";
        if (prefix != null) return name + " " + prefix + "…";
        if (values.size() == 1) return name + "=" + values.getFirst();
        return contains != null ? name + " with " + contains : name;
    }

    /** The value as the setting means it: without {@link #prefix}; null stays null. */
    String meaning(String value) {
        return value != null && prefix != null && value.startsWith(prefix) ? value.substring(prefix.length()) : value;
    }

    /** How the docs write it: {@code POSTGRES_HOST_AUTH_METHOD=trust}, {@code --requirepass}. */
    public String describe() {
        String condition = prefix != null ? " `" + prefix + "…`"
                : !values.isEmpty() ? "=" + String.join("|", values.stream().map(v -> v.isEmpty() ? "\"\"" : v).toList())
                : contains != null ? " containing `" + contains + "`"
                : !except.isEmpty() ? " (not " + String.join(", ", except.stream().map(v -> v.isEmpty() ? "empty" : v).toList()) + ")"
                : "";
        return switch (where) {
            case ENV -> "environment `" + name + "`" + condition;
            case FLAG -> "flag `" + name + "`" + condition;
            case TEXT -> "`" + name + "` in the command or environment";
            case ARGUMENT -> "`" + name + "` in the command";
            case MOUNT -> "a mount at `" + name + "`";
            case PUBLISHED -> "port " + name + " published on all interfaces";
        };
    }
}
