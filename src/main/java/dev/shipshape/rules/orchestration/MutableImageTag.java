package dev.shipshape.rules.orchestration;

import dev.shipshape.model.Container;
import dev.shipshape.model.ImageReference;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ContainerRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Flags images with no tag or the {@code latest} tag (and no digest) in workloads an orchestrator
 * rolls out ({@link Workload#isRolledOutByOrchestrator()}). For those workloads this rule, not
 * image-not-pinned, reports such references, so that each one is reported once; image-not-pinned
 * keeps Compose services, bare Pods, live containers and the project's require-digest policy.
 * A reference whose registry or path holds a placeholder ({@code gcr.io/$PROJECT_ID/app:latest},
 * {@code ${REGISTRY}/x:latest}, {@code {{ .Values.registry }}/x}) is still judged on its tag when
 * its last component (name and tag) is written out; a placeholder in the tag or the whole
 * reference is not judged.
 */
public final class MutableImageTag implements ContainerRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-309", "mutable-image-tag")
            .pillar(Pillar.ORCHESTRATION)
            .severity(Severity.MEDIUM)
            .title("Rolled-out workload uses a mutable image tag")
            .rationale("""
                    An orchestrator rolls a new version out by changing the image reference, and rolls it \
                    back by restoring the previous one. With `latest` or no tag, the previous reference is \
                    the same text: a rollback (or a rescheduled replica) pulls whatever `latest` is now, so \
                    replicas drift apart and a bad release cannot be undone. For these workloads this rule \
                    reports the unpinned reference instead of image-not-pinned, so each reference is \
                    reported once.""")
            .remediation("Deploy a version tag (`image: registry.example.com/app:2.4.1`) or a digest "
                    + "(`app@sha256:…`), and change it for every release.")
            .appliesTo(SourceKind.STACK, SourceKind.KUBERNETES)
            .references(
                    Reference.url("Kubernetes: images (avoid the :latest tag in production)",
                            "https://kubernetes.io/docs/concepts/containers/images/"),
                    Reference.url("Kubernetes: rolling back a Deployment",
                            "https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#rolling-back-a-deployment"),
                    Reference.url("Docker: roll back a Swarm service update",
                            "https://docs.docker.com/engine/swarm/swarm-tutorial/rolling-update/"))
            .build();

    private static final String LATEST = "latest";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        var image = container.image();
        if (!workload.isRolledOutByOrchestrator() || !image.isSet()) return Stream.empty();
        return judgeable(image.value())
                .flatMap(reference -> problem(reference, image.value()))
                .map(problem -> Finding.of(INFO, image.origin(), container.description() + " " + problem))
                .stream();
    }

    /**
     * The reference to judge the tag of: the reference itself, or, when a placeholder in the
     * registry or path (or the empty text an unset variable left there) makes it unparsable, its
     * last component, name and tag, read on its own. Empty when that last component holds a
     * placeholder or is not a valid name, since the tag is then not known.
     */
    public static Optional<ImageReference> judgeable(String written) {
        Optional<ImageReference> whole = ImageReference.parse(written);
        if (whole.isPresent() || written == null) return whole;
        int slash = written.lastIndexOf('/');
        if (slash < 0 || written.indexOf('@') >= 0) return Optional.empty();
        String last = written.substring(slash + 1);
        if (last.indexOf('$') >= 0 || last.contains("{") || last.contains("}")) return Optional.empty();
        return ImageReference.parse(last);
    }

    /** True for a reference that names no fixed version: no digest, and no tag or {@code latest}. */
    public static boolean isMutable(ImageReference reference) {
        return !reference.hasDigest() && (!reference.hasTag() || reference.tag().equals(LATEST));
    }

    private static Optional<String> problem(ImageReference reference, String written) {
        if (!isMutable(reference)) return Optional.empty();
        return Optional.of(reference.hasTag()
                ? "uses image '" + written + "': its 'latest' tag moves, so a rollback does not bring the previous version back"
                : "uses image '" + written + "' without a tag: a rollback does not bring the previous version back");
    }
}
