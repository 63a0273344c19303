package dev.shipshape.load.compose;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Mount;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Compose {@code volumes} entries (short {@code SRC:DST[:MODE]} and long {@code {type, source, target,
 * read_only, tmpfs: {size}}}) and {@code tmpfs} entries ({@code PATH[:OPTIONS]}, {@code size=64m} among
 * the options), as {@link Mount}s at the entry's own position; a tmpfs size as written.
 */
final class VolumeSyntax {

    /**
     * A short-form volume split into its parts.
     *
     * @param source null for an anonymous volume ({@code - /data})
     * @param mode   the comma list after the second colon ({@code ro,z}), or null
     */
    record ShortVolume(String source, String target, String mode) {
    }

    private VolumeSyntax() {
    }

    /** Splits {@code SRC:DST[:MODE]}, keeping a Windows drive ({@code C:\data}) in one piece; empty when it is not a volume. */
    static Optional<ShortVolume> parseShort(String written) {
        List<String> parts = splitKeepingDrives(written.trim());
        return switch (parts.size()) {
            case 1 -> parts.getFirst().isEmpty() ? Optional.empty() : Optional.of(new ShortVolume(null, parts.getFirst(), null));
            // An empty source (":/data", often "${UNSET}:/data") is refused by Compose: "empty section between colons".
            case 2 -> parts.get(0).isEmpty() || parts.get(1).isEmpty() ? Optional.empty()
                    : Optional.of(new ShortVolume(parts.get(0), parts.get(1), null));
            case 3 -> parts.get(0).isEmpty() || parts.get(1).isEmpty() ? Optional.empty()
                    : Optional.of(new ShortVolume(parts.get(0), parts.get(1), parts.get(2)));
            default -> Optional.empty();
        };
    }

    /** True when a short-form source names a host path rather than a named volume. */
    static boolean isHostPath(String source) {
        return source.startsWith("/") || source.startsWith(".") || source.startsWith("~")
                || source.startsWith("\\") || isWindowsDrivePath(source);
    }

    /** One {@code volumes} entry of a service. */
    static Optional<Mount> mount(ComposeNode item, List<Diagnostic> diagnostics) {
        Origin origin = item.origin();
        if (item instanceof ComposeNode.Scalar scalar && !scalar.isNull()) {
            Optional<ShortVolume> parsed = parseShort(scalar.text());
            Optional<Mount> unknownSource = scalar.interpolated() ? withUnknownSource(scalar, diagnostics) : Optional.empty();
            if (unknownSource.isPresent()) return unknownSource;
            if (parsed.isEmpty()) {
                diagnostics.add(PortSyntax.invalid(scalar, "a volume: write [SOURCE:]TARGET[:MODE]"));
                return Optional.empty();
            }
            ShortVolume volume = parsed.get();
            Mount.Type type = volume.source() != null && isHostPath(volume.source()) ? Mount.Type.BIND : Mount.Type.VOLUME;
            return Optional.of(new Mount(type, volume.source(), volume.target(), readOnlyFromMode(volume.mode(), origin), origin));
        }
        if (item instanceof ComposeNode.Mapping mapping) return longForm(mapping, diagnostics);
        diagnostics.add(Diagnostic.error(origin, "a volume must be a string or a mapping, not " + item.describeType()));
        return Optional.empty();
    }

    /**
     * {@code "${DATA}:/data"} with DATA unset reads {@code ":/data"}, which Compose refuses; here the
     * mount is kept with its source unknown (neither a host path nor a named volume), so that what
     * is known of it (its target, its mode) is still judged, and the warning says so.
     */
    private static Optional<Mount> withUnknownSource(ComposeNode.Scalar scalar, List<Diagnostic> diagnostics) {
        List<String> parts = splitKeepingDrives(scalar.text().trim());
        if (parts.size() < 2 || parts.size() > 3 || !parts.get(0).isEmpty() || parts.get(1).isEmpty()) return Optional.empty();
        Origin origin = scalar.origin();
        diagnostics.add(Diagnostic.warning(origin, "the volume \"" + scalar.text() + "\" has an empty source after interpolation;"
                + " it is judged with its source unknown"));
        return Optional.of(new Mount(Mount.Type.OTHER, null, parts.get(1), readOnlyFromMode(parts.size() == 3 ? parts.get(2) : null, origin),
                origin));
    }

    private static Optional<Mount> longForm(ComposeNode.Mapping mapping, List<Diagnostic> diagnostics) {
        Origin origin = mapping.origin();
        String target = text(mapping, "target");
        if (target == null || target.isBlank()) {
            diagnostics.add(Diagnostic.error(origin, "a volume needs a target"));
            return Optional.empty();
        }
        String source = emptyToNull(text(mapping, "source"));
        String typeText = text(mapping, "type");
        Mount.Type type;
        if (typeText == null) {
            type = source != null && isHostPath(source) ? Mount.Type.BIND : Mount.Type.VOLUME;
        } else {
            type = switch (typeText.trim().toLowerCase(Locale.ROOT)) {
                case "bind", "npipe" -> Mount.Type.BIND;
                case "volume" -> Mount.Type.VOLUME;
                case "tmpfs" -> Mount.Type.TMPFS;
                default -> Mount.Type.OTHER;
            };
        }
        Setting<Boolean> readOnly = mapping.get("read_only")
                .filter(ComposeNode.Scalar.class::isInstance)
                .flatMap(node -> ((ComposeNode.Scalar) node).bool())
                .map(value -> Setting.of(value, origin))
                .orElse(Setting.unset(origin));
        Setting<String> sizeLimit = type == Mount.Type.TMPFS ? tmpfsSize(mapping, diagnostics) : Setting.unset(origin);
        return Optional.of(new Mount(type, source, target, readOnly, origin, sizeLimit));
    }

    /** {@code tmpfs: {size: 64m}} of a long-form tmpfs volume, at the {@code size} key; unset at the item without one. */
    private static Setting<String> tmpfsSize(ComposeNode.Mapping volume, List<Diagnostic> diagnostics) {
        Optional<ComposeNode> options = volume.get("tmpfs");
        if (options.isEmpty() || options.get() instanceof ComposeNode.Scalar scalar && scalar.isNull()) return Setting.unset(volume.origin());
        if (!(options.get() instanceof ComposeNode.Mapping tmpfs)) {
            diagnostics.add(Diagnostic.error(options.get().origin(), "'tmpfs' must be a mapping (size, mode), not " + options.get().describeType()));
            return Setting.unset(volume.origin());
        }
        return tmpfs.member("size")
                .filter(size -> size.value() instanceof ComposeNode.Scalar scalar && !scalar.isNull() && !scalar.text().isBlank())
                .map(size -> Setting.of(((ComposeNode.Scalar) size.value()).text().trim(), size.keyOrigin()))
                .orElse(Setting.unset(volume.origin()));
    }

    /** A {@code tmpfs} value: one path or a list, each {@code path[:options]}. */
    static List<Mount> tmpfs(ComposeNode value, List<Diagnostic> diagnostics) {
        List<ComposeNode> items = value instanceof ComposeNode.Sequence sequence ? sequence.items() : List.of(value);
        List<Mount> mounts = new ArrayList<>(items.size());
        for (ComposeNode item : items) {
            if (item instanceof ComposeNode.Scalar scalar && !scalar.isNull() && !scalar.text().isBlank()) {
                String written = scalar.text().trim();
                int colon = written.indexOf(':');
                String target = colon < 0 ? written : written.substring(0, colon);
                String size = colon < 0 ? null : sizeOption(written, colon + 1);
                Origin origin = item.origin();
                mounts.add(new Mount(Mount.Type.TMPFS, null, target, Setting.unset(origin), origin,
                        size == null ? Setting.unset(origin) : Setting.of(size, origin)));
            } else {
                diagnostics.add(Diagnostic.error(item.origin(), "a tmpfs entry must be a path, not " + item.describeType()));
            }
        }
        return mounts;
    }

    /** The value of the {@code size=} option in the comma list that starts at {@code from}; null when there is none. */
    private static String sizeOption(String written, int from) {
        String size = null;
        int start = from;
        while (start <= written.length()) {
            int comma = written.indexOf(',', start);
            int end = comma < 0 ? written.length() : comma;
            String option = written.substring(start, end).trim();
            if (option.startsWith("size=") && option.length() > "size=".length()) size = option.substring("size=".length()).trim();
            start = end + 1;
        }
        return size;
    }

    /** What makes two volume entries the same when files are merged: the target path; null when it has none. */
    static String mergeKey(ComposeNode item) {
        if (item instanceof ComposeNode.Scalar scalar && !scalar.isNull()) {
            return parseShort(scalar.text()).map(ShortVolume::target).orElse(scalar.text());
        }
        if (item instanceof ComposeNode.Mapping mapping) {
            String target = text(mapping, "target");
            if (target != null) return target;
        }
        return null;
    }

    private static Setting<Boolean> readOnlyFromMode(String mode, Origin origin) {
        if (mode == null) return Setting.unset(origin);
        for (String option : mode.split(",", -1)) {
            String normalized = option.trim();
            if (normalized.equals("ro")) return Setting.of(true, origin);
            if (normalized.equals("rw")) return Setting.of(false, origin);
        }
        return Setting.unset(origin);
    }

    private static List<String> splitKeepingDrives(String spec) {
        List<String> parts = new ArrayList<>(3);
        int start = 0;
        for (int at = 0; at < spec.length(); at++) {
            if (spec.charAt(at) != ':') continue;
            boolean driveLetter = at - start == 1 && Character.isLetter(spec.charAt(start))
                    && at + 1 < spec.length() && (spec.charAt(at + 1) == '\\' || spec.charAt(at + 1) == '/');
            if (driveLetter) continue;
            parts.add(spec.substring(start, at));
            start = at + 1;
        }
        parts.add(spec.substring(start));
        return parts;
    }

    private static boolean isWindowsDrivePath(String source) {
        return source.length() >= 3 && Character.isLetter(source.charAt(0)) && source.charAt(1) == ':'
                && (source.charAt(2) == '\\' || source.charAt(2) == '/');
    }

    private static String text(ComposeNode.Mapping mapping, String key) {
        return mapping.get(key)
                .filter(ComposeNode.Scalar.class::isInstance)
                .map(node -> ((ComposeNode.Scalar) node).text())
                .orElse(null);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
