package dev.shipshape.rules.image;

import dev.shipshape.model.Image;
import dev.shipshape.model.ImageReference;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Stage;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.ImageRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Flags a FROM whose base image is not pinned: no tag, or {@code latest}, and no digest; when the
 * project requires digests, any base image without one. Global ARG defaults are put in first
 * ({@code ARG BASE=node:22} then {@code FROM $BASE} is judged as {@code node:22}). Not judged:
 * {@code scratch}, a FROM that names an earlier stage, and a reference that still holds an ARG
 * with no default (the build fills it in; the tag is not in the file).
 */
public final class UnpinnedBaseImage implements ImageRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-606", "unpinned-base-image")
            .pillar(Pillar.SECURITY)
            .severity(Severity.MEDIUM)
            .title("Base image is not pinned to a version")
            .rationale("""
                    A FROM without a tag, or with `latest`, builds on whatever the registry serves that day: \
                    the same Dockerfile gives different images from one build to the next, a breaking or \
                    compromised base release flows in unreviewed, and an old build cannot be reproduced. \
                    A tag can still be moved; only a digest names the exact base that was reviewed.""")
            .remediation("Name a version tag in `FROM` (`FROM node:22.12-alpine3.20`), and its digest "
                    + "(`FROM node:22.12-alpine3.20@sha256:…`) where the project requires exact images; let "
                    + "Renovate or Dependabot propose the updates.")
            .appliesTo(SourceKind.DOCKERFILE)
            .references(
                    Reference.cisDocker("4.2"),
                    Reference.url("hadolint DL3006: always tag the version of an image explicitly",
                            "https://github.com/hadolint/hadolint/wiki/DL3006"),
                    Reference.url("hadolint DL3007: using latest is prone to errors",
                            "https://github.com/hadolint/hadolint/wiki/DL3007"),
                    Reference.url("Docker: building best practices, pin base image versions",
                            "https://docs.docker.com/build/building/best-practices/#pin-base-image-versions"))
            .build();

    private static final String LATEST = "latest";
    private static final String SCRATCH = "scratch";

    private final boolean requireDigest;

    /** With the defaults: a version tag is enough. */
    public UnpinnedBaseImage() {
        this(false);
    }

    /** @param requireDigest also flag base images that have a tag but no {@code @sha256:} digest */
    public UnpinnedBaseImage(boolean requireDigest) {
        this.requireDigest = requireDigest;
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Image image) {
        BuildVariables globals = BuildVariables.global(image);
        List<Finding> findings = new ArrayList<>();
        for (int index = 0; index < image.stages().size(); index++) {
            Stage stage = image.stages().get(index);
            if (BuildStages.parentOf(image, index) >= 0) continue;
            String written = stage.baseImage();
            Optional<String> resolved = globals.expand(written);
            if (resolved.isEmpty() || resolved.get().equalsIgnoreCase(SCRATCH)) continue;
            String shown = written.equals(resolved.get())
                    ? "'" + written + "'"
                    : "'" + written + "' (= '" + resolved.get() + "' by its ARG default)";
            ImageReference.parse(resolved.get())
                    .flatMap(reference -> problem(reference))
                    .map(problem -> Finding.of(INFO, stage.origin(), "FROM " + shown + " " + problem))
                    .ifPresent(findings::add);
        }
        return findings.stream();
    }

    private Optional<String> problem(ImageReference reference) {
        if (reference.hasDigest()) return Optional.empty();
        if (!reference.hasTag()) return Optional.of("has no tag, so the build takes whatever 'latest' is that day");
        if (reference.tag().equals(LATEST)) return Optional.of("uses the 'latest' tag, which moves with every push");
        if (requireDigest) return Optional.of("is pinned by tag only; the project requires an @sha256: digest");
        return Optional.empty();
    }
}
