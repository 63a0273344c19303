package dev.shipshape.load.compose;

import java.util.List;

/**
 * How an override file is named after its base: {@code X.override.Y} overrides {@code X.Y}
 * ({@code compose.override.yaml} → {@code compose.yaml}, {@code app.override.yml} → {@code app.yml}),
 * with {@code .yaml} and {@code .yml} taken as one. Compose reads the first pair by itself and the others
 * when both are named ({@code -f app.yml -f app.override.yml}); either way the two run merged.
 */
public final class OverrideNames {

    private static final String MARK = ".override.";
    private static final List<String> EXTENSIONS = List.of("yaml", "yml");

    private OverrideNames() {
    }

    public static boolean isOverride(String fileName) {
        return !baseNames(fileName).isEmpty();
    }

    /** The names its base may have, the same extension first; empty when the name is no override's. */
    public static List<String> baseNames(String fileName) {
        int mark = fileName.lastIndexOf(MARK);
        if (mark <= 0) return List.of();
        String stem = fileName.substring(0, mark);
        String extension = fileName.substring(mark + MARK.length());
        return EXTENSIONS.contains(extension) ? withBothExtensions(stem, extension) : List.of();
    }

    /** The names an override of this base may have, the same extension first; empty for an override itself or a file of another kind. */
    public static List<String> overrideNames(String fileName) {
        if (isOverride(fileName)) return List.of();
        int dot = fileName.lastIndexOf('.');
        if (dot <= 0 || !EXTENSIONS.contains(fileName.substring(dot + 1))) return List.of();
        return withBothExtensions(fileName.substring(0, dot) + ".override", fileName.substring(dot + 1));
    }

    private static List<String> withBothExtensions(String stem, String extension) {
        String other = extension.equals("yaml") ? "yml" : "yaml";
        return List.of(stem + "." + extension, stem + "." + other);
    }
}
