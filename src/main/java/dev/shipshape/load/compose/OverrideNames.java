package dev.shipshape.load.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * How an override file is named after its base: {@code X.override.Y} overrides {@code X.Y}
 * ({@code compose.override.yaml} → {@code compose.yaml}, {@code app.override.yml} → {@code app.yml},
 * {@code app.override.compose.yaml} → {@code app.compose.yaml}),
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
        String base = fileName.substring(0, mark) + fileName.substring(mark + MARK.length() - 1);
        return withBothExtensions(base);
    }

    /**
     * The names an override of this base may have ({@code app.compose.yaml}: {@code app.compose.override.yaml},
     * {@code app.override.compose.yaml}, each with either extension); empty for an override itself or a file of another kind.
     */
    public static List<String> overrideNames(String fileName) {
        if (isOverride(fileName) || withBothExtensions(fileName).isEmpty()) return List.of();
        List<String> names = new ArrayList<>();
        for (int dot = fileName.lastIndexOf('.'); dot > 0; dot = fileName.lastIndexOf('.', dot - 1)) {
            names.addAll(withBothExtensions(fileName.substring(0, dot) + ".override" + fileName.substring(dot)));
        }
        return names;
    }

    /** The name, then the name with the other of .yaml and .yml; empty when it has neither. */
    private static List<String> withBothExtensions(String name) {
        for (String extension : EXTENSIONS) {
            if (name.endsWith("." + extension)) {
                String other = extension.equals("yaml") ? "yml" : "yaml";
                return List.of(name, name.substring(0, name.length() - extension.length()) + other);
            }
        }
        return List.of();
    }
}
