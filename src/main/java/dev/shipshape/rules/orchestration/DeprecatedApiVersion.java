package dev.shipshape.rules.orchestration;

import dev.shipshape.model.ApiVersionUse;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.KubernetesVersion;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.rules.SingleObjectRule;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Flags each object written in an apiVersion that the target Kubernetes version no longer serves
 * ({@link ApiRemovals}), naming the version that replaces it. The target is
 * {@code scan --kubernetes-version} (or {@code kubernetesVersion} in {@code .shipshape.yaml});
 * by default the newest release, where every removal in the table has happened.
 * {@code audit kubernetes} does not judge it: a listed object comes back in the version the audit
 * asked the server for, not the one its author wrote.
 */
public final class DeprecatedApiVersion implements SingleObjectRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-341", "deprecated-api-version")
            .pillar(Pillar.ORCHESTRATION)
            .severity(Severity.HIGH)
            .title("Object uses an API version the target Kubernetes no longer serves")
            .rationale("""
                    The API server rejects an object in a removed apiVersion: the deployment fails at \
                    the cluster upgrade, or the next time the manifest is applied, usually in the middle \
                    of something else. Moving to the replacement version often changes fields too \
                    (selectors become required, Ingress backends change shape).""")
            .remediation("Change `apiVersion` to the version named in the finding and adapt the fields it changed; "
                    + "`kubectl convert` does most of it. Pass `--kubernetes-version` to check against an older cluster.")
            .appliesTo(SourceKind.KUBERNETES)
            .references(
                    Reference.url("Kubernetes: deprecated API migration guide",
                            "https://kubernetes.io/docs/reference/using-api/deprecation-guide/"))
            .build();

    private final KubernetesVersion target;

    public DeprecatedApiVersion() {
        this(KubernetesVersion.NEWEST);
    }

    public DeprecatedApiVersion(KubernetesVersion target) {
        this.target = target;
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Inventory inventory) {
        return inventory.kubernetes().apiVersions().stream().flatMap(use -> finding(use).stream());
    }

    private Optional<Finding> finding(ApiVersionUse use) {
        return ApiRemovals.of(use.kind(), use.apiVersion())
                .filter(removal -> !target.isBefore(removal.removedIn()))
                .map(removal -> Finding.of(INFO, use.origin(), "%s uses %s, removed in Kubernetes %s%s: use %s".formatted(
                        use.description(), use.apiVersion(), removal.removedIn(),
                        target.equals(KubernetesVersion.NEWEST) ? "" : " (target " + target + ")", removal.replacement())));
    }
}
