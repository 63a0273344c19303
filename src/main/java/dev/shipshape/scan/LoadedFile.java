package dev.shipshape.scan;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Suppression;
import java.util.List;

/**
 * One found file after loading.
 *
 * @param result        what its loader made of it (empty for an override file loaded through its base)
 * @param comments      the suppression comments in its text
 * @param loadedCleanly loaded without an error diagnostic (for an override file: its base did)
 */
record LoadedFile(FoundFile file, LoadResult result, List<Suppression> comments, boolean loadedCleanly) {

    LoadedFile {
        comments = List.copyOf(comments);
    }
}
