package dev.shipshape.load.daemon;

import dev.shipshape.load.LoadResult;
import dev.shipshape.load.yaml.StrictJson;
import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.model.DaemonConfig;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads a Docker daemon.json into the model.
 *
 * <p>The file is read as strict JSON ({@link StrictJson}), as dockerd reads it: a comment, a
 * trailing comma, single quotes or a second value are errors with their line and column, and the
 * daemon is then not in the model at all, so a file dockerd would refuse is never judged as a
 * working configuration. Each setting's origin is its key; a key that is absent is unset at the
 * top-level {@code {}. A value of the wrong type also makes dockerd refuse to start, so it is an
 * error naming the key and the type it needs, and the setting stays unset (at its key). A key given
 * twice is an error, and the last one counts, as in dockerd. A JSON {@code null} is ignored, as
 * dockerd's decoder ignores it. Keys the model does not hold are not reported: dockerd accepts its
 * command-line flag names, which differ by version and platform.
 */
public final class DaemonConfigLoader {

    public LoadResult load(String shownPath, String text) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (text.isBlank()) {
            // dockerd takes an empty file as an empty configuration
            return result(unsetConfig(Origin.at(shownPath, 1, 1)), diagnostics);
        }
        StrictJson.Parsed parsed = StrictJson.parse(shownPath, text);
        diagnostics.addAll(parsed.diagnostics());
        if (parsed.document().isEmpty()) {
            return new LoadResult(Inventory.empty(), diagnostics, List.of(), List.of());
        }
        YamlNode root = parsed.document().get();
        if (root.isNull()) {
            return result(unsetConfig(root.origin()), diagnostics);
        }
        if (!root.isMap()) {
            diagnostics.add(Diagnostic.error(root.origin(),
                    "daemon.json must hold a JSON object ({…}), not " + root.describeType()));
            return new LoadResult(Inventory.empty(), diagnostics, List.of(), List.of());
        }
        return result(new Reader(root, diagnostics).read(), diagnostics);
    }

    private static LoadResult result(DaemonConfig config, List<Diagnostic> diagnostics) {
        return new LoadResult(Inventory.builder().add(config).build(), diagnostics, List.of(), List.of());
    }

    private static DaemonConfig unsetConfig(Origin origin) {
        return new DaemonConfig(origin, List.of(), Setting.unset(origin), Setting.unset(origin), Setting.unset(origin),
                Setting.unset(origin), Setting.unset(origin), Setting.unset(origin), List.of());
    }

    /** Reads the settings the model holds from the top-level object. */
    private static final class Reader {

        private final List<Diagnostic> diagnostics;
        private final Origin top;
        private final List<YamlNode.Entry> written;

        Reader(YamlNode root, List<Diagnostic> diagnostics) {
            this.written = root.entries();
            this.diagnostics = diagnostics;
            this.top = root.origin();
        }

        DaemonConfig read() {
            return new DaemonConfig(top,
                    stringList("hosts"),
                    bool("tls"),
                    bool("tlsverify"),
                    string("userns-remap"),
                    bool("icc"),
                    bool("no-new-privileges"),
                    bool("live-restore"),
                    stringList("authorization-plugins"));
        }

        private Setting<Boolean> bool(String key) {
            Setting<Boolean> setting = Setting.unset(top);
            // every occurrence is decoded, so a wrong type anywhere stops dockerd; the last one counts
            for (YamlNode.Entry entry : entries(key)) {
                Origin origin = entry.origin();
                YamlNode value = entry.value();
                Optional<Boolean> bool = isString(value) ? Optional.empty() : value.bool();
                if (value.isNull()) {
                    setting = Setting.unset(origin);
                } else if (bool.isPresent()) {
                    setting = Setting.of(bool.get(), origin);
                } else {
                    wrongType(key, origin, "a boolean (true or false)", value);
                    setting = Setting.unset(origin);
                }
            }
            return setting;
        }

        private Setting<String> string(String key) {
            Setting<String> setting = Setting.unset(top);
            for (YamlNode.Entry entry : entries(key)) {
                Origin origin = entry.origin();
                YamlNode value = entry.value();
                if (value.isNull()) {
                    setting = Setting.unset(origin);
                } else if (isString(value)) {
                    setting = Setting.of(value.textOr(""), origin);
                } else {
                    wrongType(key, origin, "a string", value);
                    setting = Setting.unset(origin);
                }
            }
            return setting;
        }

        private List<Setting<String>> stringList(String key) {
            List<Setting<String>> items = List.of();
            for (YamlNode.Entry entry : entries(key)) {
                YamlNode value = entry.value();
                if (value.isNull()) {
                    items = List.of();
                } else if (!value.isList()) {
                    wrongType(key, entry.origin(), "a list of strings", value);
                    items = List.of();
                } else {
                    items = new ArrayList<>();
                    for (YamlNode item : value.items()) {
                        if (isString(item)) {
                            items.add(Setting.of(item.textOr(""), item.origin()));
                        } else {
                            diagnostics.add(Diagnostic.error(item.origin(), "'" + key
                                    + "' must be a list of strings; this entry is " + describe(item)));
                        }
                    }
                }
            }
            return items;
        }

        private List<YamlNode.Entry> entries(String key) {
            List<YamlNode.Entry> found = new ArrayList<>(1);
            for (YamlNode.Entry entry : written) {
                if (entry.key().equals(key)) found.add(entry);
            }
            return found;
        }

        private static boolean isString(YamlNode value) {
            return value.isString();
        }

        private static boolean isNumber(String text) {
            try {
                Double.parseDouble(text);
                return true;
            } catch (NumberFormatException notANumber) {
                return false;
            }
        }

        private void wrongType(String key, Origin origin, String expected, YamlNode value) {
            diagnostics.add(Diagnostic.error(origin, "'" + key + "' must be " + expected + ", not "
                    + describe(value) + "; dockerd will not start with this file"));
        }

        private String describe(YamlNode value) {
            if (value.isMap()) return "an object";
            if (value.isList()) return "a list";
            if (value.isNull()) return "null";
            String text = value.textOr("");
            if (isString(value)) return "the string \"" + text + "\"";
            if (value.bool().isPresent()) return "the boolean " + text;
            return isNumber(text) ? "the number " + text : "the value " + text;
        }
    }
}
