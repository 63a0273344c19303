package dev.shipshape.rules.orchestration;

import dev.shipshape.model.Container;
import dev.shipshape.model.Resources;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ContainerRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Flags each Kubernetes container (not an ephemeral one, which cannot have resources) that requests
 * no CPU or no memory. A limit without a request counts as the request, as the API server defaults
 * a missing request to the limit.
 */
public final class MissingResourceRequests implements ContainerRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-340", "missing-resource-requests")
            .pillar(Pillar.ORCHESTRATION)
            .severity(Severity.MEDIUM)
            .title("Container requests no CPU or no memory")
            .rationale("""
                    The scheduler places pods by their requests. A container that requests nothing is \
                    placed as if it needed nothing, lands on full nodes, is the first to be evicted under \
                    memory pressure (BestEffort), and gives horizontal autoscalers no baseline to scale on.""")
            .remediation("Set `resources.requests.cpu` and `resources.requests.memory` on every container, from what it "
                    + "uses under normal load.")
            .appliesTo(SourceKind.KUBERNETES)
            .references(
                    Reference.url("Kubernetes: resource management for pods and containers",
                            "https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        if (workload.source() != SourceKind.KUBERNETES || container.ephemeral()) return Stream.empty();
        Resources resources = container.resources();
        List<String> missing = new ArrayList<>();
        if (!resources.cpuRequest().isSet() && !resources.cpuLimit().isSet()) missing.add("CPU");
        if (!resources.memoryRequest().isSet() && !resources.memoryLimit().isSet()) missing.add("memory");
        if (missing.isEmpty()) return Stream.empty();
        return Stream.of(Finding.of(INFO, container.origin(), "%s requests no %s: the scheduler places it as if it needed none"
                .formatted(container.description(), String.join(" and no ", missing))));
    }
}
