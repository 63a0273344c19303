package dev.shipshape.rules;

import java.util.List;

/**
 * The project settings some rules take (from {@code .shipshape.yaml}); rules get them when
 * they are built, so that they stay pure functions of the model.
 *
 * @param requireDigest      image-not-pinned also fires for a tag without an {@code @sha256:} digest
 * @param trustedRegistries  registries images may come from (empty: any)
 * @param requiredLabels     label keys every image must carry
 */
public record RuleOptions(boolean requireDigest, List<String> trustedRegistries, List<String> requiredLabels) {

    public static final RuleOptions DEFAULTS = new RuleOptions(false, List.of(),
            List.of("org.opencontainers.image.source", "org.opencontainers.image.licenses"));

    public RuleOptions {
        trustedRegistries = List.copyOf(trustedRegistries);
        requiredLabels = List.copyOf(requiredLabels);
    }
}
