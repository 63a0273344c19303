package dev.shipshape.rules;

import dev.shipshape.model.KubernetesVersion;
import java.util.List;

/**
 * The project settings some rules take (from {@code .shipshape.yaml}); rules get them when
 * they are built, so that they stay pure functions of the model.
 *
 * @param requireDigest      image-not-pinned also fires for a tag without an {@code @sha256:} digest
 * @param trustedRegistries  registries images may come from (empty: any)
 * @param requiredLabels     label keys every image must carry
 * @param kubernetesVersion  the Kubernetes release manifests must work on ({@code scan --kubernetes-version})
 */
public record RuleOptions(boolean requireDigest, List<String> trustedRegistries, List<String> requiredLabels,
        KubernetesVersion kubernetesVersion) {

    public static final RuleOptions DEFAULTS = new RuleOptions(false, List.of(),
            List.of("org.opencontainers.image.source", "org.opencontainers.image.licenses"));

    public RuleOptions {
        trustedRegistries = List.copyOf(trustedRegistries);
        requiredLabels = List.copyOf(requiredLabels);
        java.util.Objects.requireNonNull(kubernetesVersion, "kubernetesVersion");
    }

    /** Options for the newest Kubernetes release. */
    public RuleOptions(boolean requireDigest, List<String> trustedRegistries, List<String> requiredLabels) {
        this(requireDigest, trustedRegistries, requiredLabels, KubernetesVersion.NEWEST);
    }

    public RuleOptions withKubernetesVersion(KubernetesVersion version) {
        return new RuleOptions(requireDigest, trustedRegistries, requiredLabels, version);
    }
}
