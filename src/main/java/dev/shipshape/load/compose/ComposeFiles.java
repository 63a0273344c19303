package dev.shipshape.load.compose;

import dev.shipshape.load.yaml.YamlDocuments;
import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import dev.shipshape.scan.ReadScope;
import dev.shipshape.scan.SourceLoader;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Compose files one load reads (the input, its override, {@code extends} and {@code include}
 * targets): each is read, parsed and interpolated once, and its real folder is remembered so
 * that relative paths written in it can be followed.
 */
final class ComposeFiles {

    private final InterpolatedTree trees;
    private final List<Diagnostic> diagnostics;
    private final List<String> filesRead;
    private final Map<String, Path> folderOfShownFile = new HashMap<>();
    private final Map<Path, Optional<ComposeNode>> byRealPath = new HashMap<>();

    private final ReadScope scope;

    ComposeFiles(Interpolation interpolation, List<Diagnostic> diagnostics, List<String> filesRead) {
        this(interpolation, diagnostics, filesRead, ReadScope.DEFAULT);
    }

    /** @param scope how large a file may be read, and the scanned folders */
    ComposeFiles(Interpolation interpolation, List<Diagnostic> diagnostics, List<String> filesRead, ReadScope scope) {
        this.trees = new InterpolatedTree(interpolation, diagnostics);
        this.diagnostics = diagnostics;
        this.filesRead = filesRead;
        this.scope = scope;
    }

    ReadScope scope() {
        return scope;
    }

    /** The input file itself: errors reading it are reported at its first line. */
    Optional<ComposeNode> readInput(Path file, String shownPath) {
        remember(file, shownPath);
        return read(file, shownPath, Origin.at(shownPath, 1, 1), "", false);
    }

    /** The input file, already read by the caller. */
    Optional<ComposeNode> parseInput(Path file, String shownPath, String text) {
        remember(file, shownPath);
        return parse(text, shownPath, false);
    }

    /**
     * Another file the input refers to, cached by its real path.
     *
     * @param requestedAt where the reference is written; errors reading the file are reported there
     * @param purpose     how messages name it: "the override file", "extends: file"
     */
    Optional<ComposeNode> readReferenced(Path file, String shownPath, Origin requestedAt, String purpose, boolean keepMergeTags) {
        Path key = file.toAbsolutePath().normalize();
        Optional<ComposeNode> cached = byRealPath.get(key);
        if (cached != null) return cached;
        remember(file, shownPath);
        if (!scope.contains(file)) {
            // Compose reads it (monorepos share base files), and so does the scan, or the service would be judged without it.
            diagnostics.add(Diagnostic.warning(requestedAt, purpose + " " + shownPath + " is outside the scanned folders; it is read all the same"));
        }
        Optional<ComposeNode> tree = read(file, shownPath, requestedAt, purpose + " ", keepMergeTags);
        byRealPath.put(key, tree);
        if (!filesRead.contains(shownPath)) filesRead.add(shownPath);
        return tree;
    }

    /** The real folder of a file this load has read, given the name it is shown by. */
    Path realFolderOf(String shownPath) {
        Path folder = folderOfShownFile.get(shownPath);
        return folder != null ? folder : Path.of("").toAbsolutePath();
    }

    /** Parses and interpolates text; several YAML documents are merged in order, as Compose does. */
    Optional<ComposeNode> parse(String text, String shownPath, boolean keepMergeTags) {
        ComposeNode merged = null;
        try {
            YamlDocuments.Parsed parsed = YamlDocuments.parse(shownPath, text);
            diagnostics.addAll(parsed.diagnostics());
            for (YamlNode document : parsed.documents()) {
                ComposeNode tree = trees.of(document, keepMergeTags);
                merged = merged == null ? tree : ComposeMerge.mergeFiles(merged, tree);
            }
        } catch (StackOverflowError tooDeep) {
            // Thousands of nested brackets exhaust the YAML parser's recursion; one hostile file must not end the scan.
            diagnostics.add(Diagnostic.error(Origin.at(shownPath, 1, 1), "the YAML is nested too deeply to read"));
            return Optional.empty();
        }
        if (merged instanceof ComposeNode.Mapping root) return Optional.of(LegacyFormat.asCurrentFormat(root, diagnostics));
        return Optional.ofNullable(merged);
    }

    private Optional<ComposeNode> read(Path file, String shownPath, Origin requestedAt, String purpose, boolean keepMergeTags) {
        String text;
        try {
            text = scope.readText(file);
        } catch (IOException unreadable) {
            diagnostics.add(Diagnostic.error(requestedAt, (purpose.isEmpty() ? "cannot read the file" : "cannot read " + purpose + shownPath)
                    + ": " + SourceLoader.describe(unreadable)));
            return Optional.empty();
        }
        return parse(text, shownPath, keepMergeTags);
    }

    private void remember(Path file, String shownPath) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        folderOfShownFile.putIfAbsent(shownPath, parent != null ? parent : Path.of("/"));
    }

    /** A file named in another file: where it really is, and the name findings show for it. */
    record Location(Path real, String shown) {
    }

    /**
     * Follows a path written in {@code writtenIn} (relative to that file's folder, or absolute);
     * empty when the text is not a path at all.
     */
    Optional<Location> locate(String writtenIn, String writtenPath) {
        try {
            Path real = realFolderOf(writtenIn).resolve(writtenPath).normalize();
            return Optional.of(new Location(real, shownSibling(writtenIn, writtenPath)));
        } catch (InvalidPathException notAPath) {
            return Optional.empty();
        }
    }

    /** The shown path of a file named relative to another shown file's folder: {@code app/compose.yaml} + {@code ../base.yml}. */
    static String shownSibling(String shownPath, String relative) {
        Path parent = Path.of(shownPath).getParent();
        Path joined = parent == null ? Path.of(relative) : parent.resolve(relative);
        String normalized = joined.normalize().toString();
        return normalized.isEmpty() ? "." : normalized;
    }
}
