package dev.shipshape.load.compose;

import dev.shipshape.load.compose.ComposeNode.Mapping;
import dev.shipshape.load.compose.ComposeNode.Scalar;
import dev.shipshape.model.Mount;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import java.util.Optional;

/**
 * A service's {@code secrets} or {@code configs} entry (short {@code - name}, long
 * {@code {source, target, mode}}) as a read-only mount: secrets land in {@code /run/secrets/},
 * configs at {@code /<name>}; the engine always mounts both read-only.
 */
final class SecretMountSyntax {

    private SecretMountSyntax() {
    }

    static Optional<Mount> mount(ComposeNode item, Mount.Type type, SettingReader reader) {
        Origin origin = item.origin();
        String source;
        String target = null;
        if (item instanceof Scalar scalar && !scalar.isNull() && !scalar.text().isBlank()) {
            source = scalar.text().trim();
        } else if (item instanceof Mapping mapping) {
            source = textOf(mapping, "source");
            target = textOf(mapping, "target");
            if (source == null) {
                reader.error(origin, "a " + noun(type) + " entry needs a source");
                return Optional.empty();
            }
        } else {
            reader.error(origin, "a " + noun(type) + " entry must be a name or a mapping, not " + item.describeType());
            return Optional.empty();
        }
        return Optional.of(new Mount(type, source, absoluteTarget(type, target == null ? source : target), Setting.of(true, origin), origin));
    }

    private static String absoluteTarget(Mount.Type type, String target) {
        if (target.startsWith("/")) return target;
        return (type == Mount.Type.SECRET ? "/run/secrets/" : "/") + target;
    }

    private static String noun(Mount.Type type) {
        return type == Mount.Type.SECRET ? "secret" : "config";
    }

    private static String textOf(Mapping mapping, String key) {
        return mapping.get(key).filter(Scalar.class::isInstance).map(node -> ((Scalar) node).text())
                .filter(text -> text != null && !text.isBlank()).map(String::trim).orElse(null);
    }
}
