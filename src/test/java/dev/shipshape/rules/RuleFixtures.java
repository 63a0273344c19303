package dev.shipshape.rules;

import dev.shipshape.model.SourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The fixture layout of STYLE.md: {@code src/test/resources/rules/<rule-name>/} holds
 * {@code {bad|good}[-variant].<kind>} files and {@code expected.txt}. A case that needs several
 * files is a subfolder {@code {bad|good}[-variant]/}; its entry files are the ones with a Compose,
 * stack or Kubernetes suffix ({@code compose.yaml} counts), the rest are what they reference.
 */
final class RuleFixtures {

    static final Path ROOT = Path.of("src/test/resources/rules");
    /** Fixtures see a fixed environment, never the developer's shell. */
    static final Map<String, String> ENVIRONMENT = Map.of("SHIPSHAPE_FIXTURE_TAG", "1.27");

    private RuleFixtures() {
    }

    static List<String> ruleFolders() throws IOException {
        try (Stream<Path> folders = Files.list(ROOT)) {
            return folders.filter(Files::isDirectory).map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    /** The kind a fixture file's name says it is, if any. */
    static Optional<SourceKind> kindOf(String fileName) {
        if (fileName.equals("compose.yaml")) return Optional.of(SourceKind.COMPOSE);
        for (SourceKind kind : SourceKind.values()) {
            String suffix = kind.fixtureSuffix();
            if (suffix != null && (fileName.endsWith("." + suffix) || fileName.equals(suffix))) return Optional.of(kind);
        }
        return Optional.empty();
    }

    /** A file to load: its path, the name findings show for it (relative to the rule folder), and its kind. */
    record FixtureFile(Path path, String shownPath, SourceKind kind) {

        boolean isBad() {
            return shownPath.startsWith("bad");
        }
    }

    static List<FixtureFile> filesOf(Path ruleFolder) throws IOException {
        try (Stream<Path> entries = Files.list(ruleFolder)) {
            return entries.sorted().flatMap(entry -> {
                String name = entry.getFileName().toString();
                if (Files.isDirectory(entry)) return entryFilesOf(entry, name + "/");
                return kindOf(name).map(kind -> new FixtureFile(entry, name, kind)).stream();
            }).toList();
        }
    }

    private static Stream<FixtureFile> entryFilesOf(Path caseFolder, String prefix) {
        try (Stream<Path> files = Files.list(caseFolder)) {
            return files.sorted().flatMap(file -> {
                String name = file.getFileName().toString();
                return kindOf(name)
                        .filter(kind -> kind == SourceKind.COMPOSE || kind == SourceKind.STACK || kind == SourceKind.KUBERNETES)
                        .map(kind -> new FixtureFile(file, prefix + name, kind)).stream();
            }).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
