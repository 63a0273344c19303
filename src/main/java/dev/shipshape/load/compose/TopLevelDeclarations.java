package dev.shipshape.load.compose;

import dev.shipshape.load.compose.ComposeNode.Mapping;
import dev.shipshape.load.compose.ComposeNode.Member;
import dev.shipshape.load.compose.ComposeNode.Scalar;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.KeyValue;
import dev.shipshape.model.LocalVolumeMount;
import dev.shipshape.model.Network;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Volume;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The top-level {@code networks} and {@code volumes} of a Compose file as {@link Network}s and
 * {@link Volume}s located at their name; {@code secrets} and {@code configs} are only checked for shape.
 */
final class TopLevelDeclarations {

    private final SourceKind kind;
    private final SettingReader reader;

    TopLevelDeclarations(SourceKind kind, SettingReader reader) {
        this.kind = kind;
        this.reader = reader;
    }

    void read(Mapping root, Inventory.Builder inventory) {
        for (Member network : declarations(root, "networks")) {
            Origin origin = network.keyOrigin();
            Mapping definition = definition(network);
            inventory.add(new Network(network.key(), kind, origin,
                    reader.string(definition, "driver", origin), driverOptions(definition), isExternal(definition),
                    reader.bool(definition, "internal", origin)));
        }
        for (Member volume : declarations(root, "volumes")) {
            Origin origin = volume.keyOrigin();
            Mapping definition = definition(volume);
            inventory.add(new Volume(volume.key(), kind, origin,
                    reader.string(definition, "driver", origin), driverOptions(definition), isExternal(definition)));
        }
        declarations(root, "secrets").forEach(this::definition);
        declarations(root, "configs").forEach(this::definition);
    }

    /**
     * What each top-level volume mounts when a service uses it ({@link LocalVolumeMount}), by its key;
     * external volumes are left out (their options are not in the file). Read quietly: {@link #read}
     * reports what is malformed.
     */
    static Map<String, LocalVolumeMount> localMounts(Mapping root) {
        Map<String, LocalVolumeMount> mounts = new HashMap<>();
        if (!(root.get("volumes").orElse(null) instanceof Mapping volumes)) return mounts;
        for (Member volume : volumes.members()) {
            if (!(volume.value() instanceof Mapping definition) || definition.member("external").isPresent()) continue;
            String driver = scalarText(definition.get("driver").orElse(null));
            Map<String, String> options = new HashMap<>();
            if (definition.get("driver_opts").orElse(null) instanceof Mapping driverOptions) {
                for (Member option : driverOptions.members()) {
                    String value = scalarText(option.value());
                    if (value != null) options.put(option.key(), value);
                }
            }
            mounts.put(volume.key(), LocalVolumeMount.of(driver, options));
        }
        return mounts;
    }

    private static String scalarText(ComposeNode node) {
        return node instanceof Scalar scalar && !scalar.isNull() ? scalar.text() : null;
    }

    private List<Member> declarations(Mapping root, String key) {
        return reader.mapping(root, key).map(Mapping::members).orElse(List.of());
    }

    /** The declaration's settings; {@code name:} with no value declares it with every setting unset. */
    private Mapping definition(Member declaration) {
        if (declaration.value() instanceof Mapping mapping) return mapping;
        if (!(declaration.value() instanceof Scalar scalar && scalar.isNull())) {
            reader.error(declaration.value().origin(), "'" + declaration.key() + "' must be a mapping, not " + declaration.value().describeType());
        }
        return new Mapping(List.of(), declaration.keyOrigin(), declaration.keyOrigin().line(), null);
    }

    private List<KeyValue> driverOptions(Mapping definition) {
        Optional<Mapping> options = reader.mapping(definition, "driver_opts");
        if (options.isEmpty()) return List.of();
        List<KeyValue> result = new ArrayList<>(options.get().members().size());
        for (Member option : options.get().members()) {
            if (option.value() instanceof Scalar scalar) {
                result.add(new KeyValue(option.key(), scalar.isNull() ? "" : scalar.text(), option.keyOrigin()));
            } else {
                reader.error(option.value().origin(), "the driver option " + option.key() + " must be a single value, not " + option.value().describeType());
            }
        }
        return result;
    }

    /** {@code external: true}, or the legacy {@code external: {name: …}}. */
    private boolean isExternal(Mapping definition) {
        Optional<ComposeNode> external = definition.get("external");
        if (external.isEmpty()) return false;
        if (external.get() instanceof Mapping) return true;
        Setting<Boolean> flag = reader.bool(definition, "external", definition.origin());
        return flag.isTrue();
    }
}
