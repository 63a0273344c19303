package dev.shipshape.load;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.Suppression;
import java.util.List;

/**
 * What a loader made of one input: the model part, the problems with the input, and the
 * object-level suppressions it carries (Kubernetes annotations, Compose {@code x-shipshape}).
 * Comment suppressions ({@code # shipshape:ignore}) are read from the text by the scan, not here.
 *
 * @param filesRead every file the loader read besides the input (.env, override files, Dockerfiles of {@code build:})
 */
public record LoadResult(Inventory inventory, List<Diagnostic> diagnostics, List<Suppression> suppressions, List<String> filesRead) {

    public LoadResult {
        diagnostics = List.copyOf(diagnostics);
        suppressions = List.copyOf(suppressions);
        filesRead = List.copyOf(filesRead);
    }

    public static LoadResult failed(Diagnostic diagnostic) {
        return new LoadResult(Inventory.empty(), List.of(diagnostic), List.of(), List.of());
    }
}
