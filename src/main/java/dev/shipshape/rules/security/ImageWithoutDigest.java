package dev.shipshape.rules.security;

import dev.shipshape.model.Container;
import dev.shipshape.model.RuntimeState;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ContainerRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.stream.Stream;

/** Flags a running container whose image no registry knows: it was built or loaded on the host. */
public final class ImageWithoutDigest implements ContainerRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-122", "image-without-digest")
            .pillar(Pillar.SECURITY)
            .severity(Severity.LOW)
            .title("Running container's image has no registry digest")
            .rationale("""
                    An image with no registry digest was built or loaded on the host itself and \
                    never pushed or pulled: nothing ties it to a reviewed build, no signature or \
                    scan result can be looked up for it, and another host cannot run the same bytes.""")
            .remediation("Build images in CI, push them to a registry, and run them by digest "
                    + "(`image: registry.example.com/app@sha256:…`), so the host pulls exactly what was built and scanned.")
            .remediation(SourceKind.KUBERNETES, "Build images in CI, push them to a registry and reference them by digest "
                    + "(`image: registry.example.com/app@sha256:…`), so every node pulls exactly what was built and scanned.")
            // a manifest holds no status: on Kubernetes these findings come from the pods `audit kubernetes` reads
            .appliesTo(SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
            .references(Reference.cisDocker("4.2"), Reference.cisDocker("4.5"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        return container.runtime()
                .filter(RuntimeState::isRunning)
                .filter(runtime -> runtime.imageRepoDigests().isEmpty())
                .map(runtime -> Finding.of(INFO, runtime.origin(), "%s runs image '%s'%s, which has no registry digest: "
                        .formatted(container.description(), container.image().orElse("?"), shortId(runtime.imageId()))
                        + "it was built or loaded on this host and cannot be verified"))
                .stream();
    }

    private static String shortId(String imageId) {
        if (imageId == null) return "";
        String bare = imageId.startsWith("sha256:") ? imageId.substring("sha256:".length()) : imageId;
        return " (" + (bare.length() > 12 ? bare.substring(0, 12) : bare) + ")";
    }
}
