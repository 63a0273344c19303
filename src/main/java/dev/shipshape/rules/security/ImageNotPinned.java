package dev.shipshape.rules.security;

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
import dev.shipshape.rules.orchestration.MutableImageTag;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Flags container images that are not pinned: no tag or {@code latest} without a digest, and, when
 * the project requires digests, any reference without one. A value the loader could not resolve
 * (an unset variable, an empty or malformed reference) is not judged: the loader reports it; a
 * placeholder only in the registry or path still leaves the tag to judge
 * ({@link MutableImageTag#judgeable}).
 *
 * <p>In a workload an orchestrator rolls out ({@link Workload#isRolledOutByOrchestrator()}: Swarm
 * stack services, Kubernetes controllers) mutable-image-tag reports {@code latest} and untagged
 * images instead, so that each reference is reported once; this rule still reports the
 * require-digest case there. That is also why it lists no Swarm stack among the kinds it applies
 * to: in a stack it only ever fires under the require-digest policy.
 */
public final class ImageNotPinned implements ContainerRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-114", "image-not-pinned")
            .pillar(Pillar.SECURITY)
            .severity(Severity.MEDIUM)
            .title("Container image is not pinned to a version")
            .rationale("""
                    An image without a tag, or tagged `latest`, is whatever the registry serves on \
                    the day it is pulled: two nodes can run different code, a rollback goes nowhere, \
                    and a compromised or careless push reaches production on the next restart. A tag \
                    can still be moved; only a digest names exactly the bytes that were reviewed. In Swarm \
                    stack services and Kubernetes controllers (Deployment, StatefulSet, DaemonSet, Job…) \
                    mutable-image-tag reports `latest` and untagged images instead, so that each reference \
                    is reported once; there this rule reports only a missing digest the project requires.""")
            .remediation("Name a version tag in `image:` (`nginx:1.27.3`), and add its digest "
                    + "(`nginx:1.27.3@sha256:…`) where the project requires exact images; let a bot such as "
                    + "Renovate or Dependabot propose the updates.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
            .references(
                    Reference.url("Kubernetes: images (avoid the :latest tag in production)",
                            "https://kubernetes.io/docs/concepts/containers/images/"),
                    Reference.url("Docker: building best practices, pin base image versions",
                            "https://docs.docker.com/build/building/best-practices/#pin-base-image-versions"))
            .build();

    private static final String LATEST = "latest";

    private final boolean requireDigest;

    /** With the defaults: a version tag is enough. */
    public ImageNotPinned() {
        this(false);
    }

    /** @param requireDigest also flag images that have a tag but no {@code @sha256:} digest */
    public ImageNotPinned(boolean requireDigest) {
        this.requireDigest = requireDigest;
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        var image = container.image();
        if (!image.isSet()) return Stream.empty();
        boolean rolledOut = workload.isRolledOutByOrchestrator();
        return MutableImageTag.judgeable(image.value())
                .flatMap(reference -> problem(reference, image.value(), rolledOut))
                .map(problem -> Finding.of(INFO, image.origin(), container.description() + " " + problem))
                .stream();
    }

    /** @param rolledOut true when mutable-image-tag reports a missing or {@code latest} tag for this workload */
    private Optional<String> problem(ImageReference reference, String written, boolean rolledOut) {
        if (reference.hasDigest()) return Optional.empty();
        boolean mutable = !reference.hasTag() || reference.tag().equals(LATEST);
        if (mutable && rolledOut) return Optional.empty();
        if (!reference.hasTag()) {
            return Optional.of("uses image '" + written + "' without a tag, so it runs whatever 'latest' is when pulled");
        }
        if (reference.tag().equals(LATEST)) {
            return Optional.of("uses image '" + written + "', whose 'latest' tag moves with every push");
        }
        if (requireDigest) {
            return Optional.of("uses image '" + written + "' pinned by tag only; the project requires an @sha256: digest");
        }
        return Optional.empty();
    }
}
