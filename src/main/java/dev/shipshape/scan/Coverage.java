package dev.shipshape.scan;

import dev.shipshape.model.SourceKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a scan actually looked at, so that it never goes green on nothing.
 *
 * @param found   files recognised per kind
 * @param loaded  files of each kind that loaded without an error diagnostic
 * @param skipped files found but not loaded, with the reason
 * @param rulesRun how many rules ran
 * @param cluster  for a live Kubernetes audit, the cluster read (its {@link SourceKind#KUBERNETES}
 *                 counts are then objects, not files); empty otherwise
 */
public record Coverage(Map<SourceKind, Integer> found, Map<SourceKind, Integer> loaded, List<SkippedFile> skipped, int rulesRun,
        Optional<AuditedCluster> cluster) {

    public Coverage {
        found = Map.copyOf(found);
        loaded = Map.copyOf(loaded);
        skipped = List.copyOf(skipped);
    }

    /** What a scan of files or a live Docker audit looked at. */
    public Coverage(Map<SourceKind, Integer> found, Map<SourceKind, Integer> loaded, List<SkippedFile> skipped, int rulesRun) {
        this(found, loaded, skipped, rulesRun, Optional.empty());
    }

    public int filesFound() {
        return found.values().stream().mapToInt(Integer::intValue).sum();
    }
}
