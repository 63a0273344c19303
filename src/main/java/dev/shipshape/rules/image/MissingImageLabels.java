package dev.shipshape.rules.image;

import dev.shipshape.model.Image;
import dev.shipshape.model.KeyValue;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.ImageRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.RuleOptions;
import dev.shipshape.rules.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Flags an image whose final stage (with the LABELs it inherits from earlier stages it is built
 * FROM) lacks a label the project requires ({@code required-labels} in {@code .shipshape.yaml};
 * by default the OCI {@code org.opencontainers.image.source} and {@code org.opencontainers.image.licenses}).
 * One finding, at the last FROM, lists every missing key. A label whose last value is empty counts
 * as missing. Labels the base image brings, or the build adds ({@code docker build --label},
 * docker/metadata-action), are not in the Dockerfile and cannot be seen here.
 */
public final class MissingImageLabels implements ImageRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-607", "missing-image-labels")
            .pillar(Pillar.SECURITY)
            .severity(Severity.LOW)
            .title("Image lacks required labels")
            .rationale("""
                    Without provenance labels nobody can tell, from a running container or a registry, \
                    which repository an image was built from, who owns it or under which licence it \
                    ships: vulnerability triage, incident response and licence review all stall on it. \
                    The OCI annotations are what registries, scanners and SBOM tools read.""")
            .remediation("Add the labels to the final stage, for example `LABEL org.opencontainers.image.source="
                    + "\"https://github.com/org/app\" org.opencontainers.image.licenses=\"Apache-2.0\"`; when CI sets "
                    + "them with `docker build --label`, list only the labels the Dockerfile must carry in "
                    + "`required-labels` of `.shipshape.yaml`.")
            .appliesTo(SourceKind.DOCKERFILE)
            .references(
                    Reference.url("OCI image spec: pre-defined annotation keys",
                            "https://github.com/opencontainers/image-spec/blob/main/annotations.md#pre-defined-annotation-keys"),
                    Reference.url("Dockerfile reference: LABEL", "https://docs.docker.com/reference/dockerfile/#label"))
            .build();

    private final List<String> requiredLabels;

    /** With the default required labels: the OCI source and licenses keys. */
    public MissingImageLabels() {
        this(RuleOptions.DEFAULTS.requiredLabels());
    }

    /** @param requiredLabels the label keys the final image must carry (an empty list turns the rule off) */
    public MissingImageLabels(List<String> requiredLabels) {
        this.requiredLabels = List.copyOf(requiredLabels);
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Image image) {
        if (image.stages().isEmpty()) return Stream.empty();
        Map<String, String> lastValues = new HashMap<>();
        for (KeyValue label : image.labels()) lastValues.put(label.key(), label.value());
        List<String> missing = requiredLabels.stream()
                .filter(key -> lastValues.get(key) == null || lastValues.get(key).isBlank())
                .toList();
        if (missing.isEmpty()) return Stream.empty();
        String labels = missing.size() == 1 ? "the label " + missing.getFirst() : "the labels " + String.join(", ", missing);
        return Stream.of(Finding.of(INFO, image.finalStage().origin(), "the final stage lacks " + labels));
    }
}
