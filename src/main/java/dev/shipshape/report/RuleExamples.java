package dev.shipshape.report;

import dev.shipshape.model.SourceKind;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The tested fixture files of each rule, shown as examples by {@code explain}, {@code rules} and
 * {@code docs/rules.md} (trivy's habit: the examples in the docs are the ones the tests run).
 *
 * <p>The build copies {@code src/test/resources/rules/} into the jar as {@code rule-examples/}.
 * For each source kind the first {@code bad} and the first {@code good} file are shown, the plain
 * {@code bad.compose.yaml} before variants; multi-file cases (subfolders) are left out.
 */
public final class RuleExamples {

    /** Examples longer than this are cut (unless a flagged line lies further down). */
    static final int MAX_LINES = 40;

    /**
     * @param flaggedLines the lines {@code expected.txt} lists for this file (empty for good files)
     * @param truncated    whether lines were cut off the end
     */
    public record Example(String fileName, SourceKind kind, boolean bad, String text, List<Integer> flaggedLines, boolean truncated) {
        public Example {
            flaggedLines = List.copyOf(flaggedLines);
        }
    }

    public static final RuleExamples NONE = new RuleExamples(null);

    private final Path root;

    private RuleExamples(Path root) {
        this.root = root;
    }

    /** Examples read from a folder laid out like {@code src/test/resources/rules/}. */
    public static RuleExamples inFolder(Path folder) {
        return new RuleExamples(folder);
    }

    /** The examples packaged with shipshape (the jar's or the classes folder's {@code rule-examples/}). */
    public static RuleExamples packaged() {
        try {
            Path codeSource = Path.of(RuleExamples.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(codeSource)) return new RuleExamples(codeSource.resolve("rule-examples"));
            return new RuleExamples(openJar(codeSource).getPath("rule-examples"));
        } catch (Exception unavailable) {
            return NONE; // examples are a nicety; their absence must never stop a command
        }
    }

    private static FileSystem openJar(Path jar) throws IOException {
        URI uri = URI.create("jar:" + jar.toUri());
        try {
            return FileSystems.getFileSystem(uri);
        } catch (java.nio.file.FileSystemNotFoundException notOpenYet) {
            return FileSystems.newFileSystem(uri, java.util.Map.of());
        }
    }

    /** The examples of one rule: per source kind, bad then good. */
    public List<Example> of(String ruleName) {
        if (root == null) return List.of();
        Path folder = root.resolve(ruleName);
        if (!Files.isDirectory(folder)) return List.of();
        List<String> names;
        try (Stream<Path> files = Files.list(folder)) {
            names = files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).toList();
        } catch (IOException unreadable) {
            return List.of();
        }
        List<String> expected = readLines(folder.resolve("expected.txt"));
        List<Example> examples = new ArrayList<>();
        for (SourceKind kind : SourceKind.values()) {
            if (kind.fixtureSuffix() == null) continue;
            for (boolean bad : new boolean[] {true, false}) {
                firstFile(names, bad ? "bad" : "good", kind.fixtureSuffix())
                        .flatMap(name -> read(folder.resolve(name), name, kind, bad, expected))
                        .ifPresent(examples::add);
            }
        }
        return examples;
    }

    private static Optional<String> firstFile(List<String> names, String prefix, String suffix) {
        String plain = prefix + "." + suffix;
        return names.stream()
                .filter(name -> name.endsWith("." + suffix) && (name.equals(plain) || name.startsWith(prefix + "-")))
                .min(Comparator.comparing((String name) -> !name.equals(plain)).thenComparing(Comparator.naturalOrder()));
    }

    private static Optional<Example> read(Path file, String name, SourceKind kind, boolean bad, List<String> expected) {
        String text;
        try {
            text = Files.readString(file).replace("\r\n", "\n");
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
        TreeSet<Integer> flagged = new TreeSet<>();
        for (String line : expected) {
            String trimmed = line.strip();
            if (!trimmed.startsWith(name + ":")) continue;
            String[] position = trimmed.split("\\s+", 2)[0].split(":");
            if (position.length >= 2) {
                try {
                    flagged.add(Integer.parseInt(position[1]));
                } catch (NumberFormatException notANumber) {
                    // a malformed expected.txt line is RuleFixturesTest's business, not ours
                }
            }
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        while (!lines.isEmpty() && lines.getLast().isBlank()) lines.removeLast();
        int keep = Math.max(MAX_LINES, flagged.isEmpty() ? 0 : flagged.last() + 2);
        boolean truncated = lines.size() > keep;
        if (truncated) lines = lines.subList(0, keep);
        return Optional.of(new Example(name, kind, bad, String.join("\n", lines), List.copyOf(flagged), truncated));
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException missing) {
            return List.of();
        }
    }
}
