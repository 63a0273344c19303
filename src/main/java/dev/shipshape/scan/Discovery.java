package dev.shipshape.scan;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.SourceKind;
import java.util.List;
import java.util.Map;

/**
 * What a walk over the scanned paths turned up.
 *
 * @param files          the files to load, in a stable order (each root in the order given, then by path)
 * @param skipped        files found but not loaded (too large, binary, a link loop), with why
 * @param skippedByKind  of the skipped files, how many of each kind (when the kind could be told)
 * @param diagnostics    problems with explicitly named files ("cannot tell what kind of file this is")
 */
public record Discovery(List<FoundFile> files, List<SkippedFile> skipped, Map<SourceKind, Integer> skippedByKind, List<Diagnostic> diagnostics) {

    public Discovery {
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
        skippedByKind = Map.copyOf(skippedByKind);
        diagnostics = List.copyOf(diagnostics);
    }
}
