package dev.shipshape.scan;

import dev.shipshape.model.SourceKind;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A file the scan will load.
 *
 * @param path       where it is on disk
 * @param shownPath  how findings name it: the path as the user wrote it, normalized ({@code ./} dropped)
 * @param overrideOf for a Compose override file with its base beside it, the base's shown path:
 *                   the Compose loader merges the override into the base, so it is not loaded on its own
 * @param text       the text, for input that cannot be read again (standard input); empty: read {@code path}
 */
public record FoundFile(Path path, String shownPath, SourceKind kind, Optional<String> overrideOf, Optional<String> text) {

    public FoundFile(Path path, String shownPath, SourceKind kind) {
        this(path, shownPath, kind, Optional.empty(), Optional.empty());
    }

    public FoundFile(Path path, String shownPath, SourceKind kind, Optional<String> overrideOf) {
        this(path, shownPath, kind, overrideOf, Optional.empty());
    }
}
