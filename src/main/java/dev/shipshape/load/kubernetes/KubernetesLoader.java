package dev.shipshape.load.kubernetes;

import dev.shipshape.load.LoadResult;
import dev.shipshape.load.yaml.YamlDocuments;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.Suppression;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads a Kubernetes manifest (one or more YAML documents, {@code kind: List} included) into
 * the model: every object that runs pods becomes a {@link dev.shipshape.model.Workload}.
 *
 * <p>Bad input never throws: a YAML syntax error keeps the documents before it, and an object
 * that is malformed is reported with its location while the rest of the file is still read.
 */
public final class KubernetesLoader {

    public LoadResult load(String shownPath, String text) {
        YamlDocuments.Parsed parsed = YamlDocuments.parse(shownPath, text);
        Problems problems = new Problems();
        WorkloadReader workloads = new WorkloadReader(problems);
        SuppressionAnnotations suppressionAnnotations = new SuppressionAnnotations(problems);
        Inventory.Builder inventory = Inventory.builder();
        List<Suppression> suppressions = new ArrayList<>();
        SkippedKinds skipped = new SkippedKinds();

        for (ManifestObject object : new ManifestObjects(problems).of(parsed.documents())) {
            Optional<WorkloadKind> workloadKind = WorkloadKinds.of(object.kind());
            if (workloadKind.isEmpty() && !WorkloadKinds.isRecognisedOther(object.kind())) {
                skipped.add(object);
                continue;
            }
            ObjectMetadata metadata = ObjectMetadata.read(object.fields().mapping("metadata"), problems);
            suppressionAnnotations.read(metadata, object, suppressions);
            if (workloadKind.isPresent()) {
                WorkloadReader.Read read = workloads.read(object, workloadKind.get(), metadata);
                inventory.add(read.workload());
                if (read.podTemplateMetadata() != metadata) {
                    suppressionAnnotations.read(read.podTemplateMetadata(), object, suppressions);
                }
            }
        }
        skipped.report(problems);

        List<Diagnostic> diagnostics = new ArrayList<>(problems.all());
        diagnostics.addAll(parsed.diagnostics());
        return new LoadResult(inventory.build(), diagnostics, suppressions, List.of());
    }
}
