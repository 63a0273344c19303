package dev.shipshape.load.dockerfile;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Image;
import dev.shipshape.model.Origin;
import java.util.List;
import java.util.Optional;

/** Loads a Dockerfile into the model. (Being written in this session.) */
public final class DockerfileLoader {

    public LoadResult load(String shownPath, String text) {
        return LoadResult.failed(Diagnostic.error(Origin.at(shownPath, 1, 1), "the Dockerfile loader is not built yet"));
    }

    /** Parses a Dockerfile; problems go to {@code diagnostics}; empty when it has no FROM. */
    public Optional<Image> parse(String shownPath, String text, List<Diagnostic> diagnostics) {
        diagnostics.add(Diagnostic.error(Origin.at(shownPath, 1, 1), "the Dockerfile loader is not built yet"));
        return Optional.empty();
    }
}
