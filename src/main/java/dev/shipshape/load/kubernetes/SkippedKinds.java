package dev.shipshape.load.kubernetes;

import dev.shipshape.model.Origin;
import java.util.LinkedHashSet;
import java.util.Set;

/** Counts the objects of kinds the loader does not check, for one summary line per file. */
final class SkippedKinds {

    private final Set<String> kinds = new LinkedHashSet<>();
    private int count;
    private Origin first;

    void add(ManifestObject object) {
        if (first == null) first = object.kindOrigin();
        kinds.add(object.kind());
        count++;
    }

    /** "skipped 3 objects of kinds not checked: ConfigMap, Role", at the first of them. */
    void report(Problems problems) {
        if (count == 0) return;
        problems.info(first, "skipped " + count + (count == 1 ? " object" : " objects")
                + " of kinds not checked: " + String.join(", ", kinds));
    }
}
