package dev.shipshape.rules.discovery;

import dev.shipshape.model.Inventory;
import dev.shipshape.model.LabelSelector;
import dev.shipshape.model.ObjectIdentity;
import dev.shipshape.model.ServiceEndpoint;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ApplicationInSet;
import dev.shipshape.rules.CustomResourceMakers;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.InventoryRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Flags Kubernetes Services whose selector matches the pods of no scanned workload in their
 * namespace. A Service is judged only when the scan shows what it was written for: a workload in
 * the Service's own file, a workload of its namespace with the Service's name, or one whose own
 * labels (not its pods') the selector matches, and only when the set holds the Service's
 * application ({@link ApplicationInSet}). A Service scanned without its pods' manifests, or in front
 * of pods that a custom resource of its namespace could make ({@link CustomResourceMakers}), is not accused.
 */
public final class ServiceSelectsNothing implements InventoryRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-502", "service-selects-nothing")
            .pillar(Pillar.DISCOVERY)
            .severity(Severity.HIGH)
            .title("Service selects no pods")
            .rationale("""
                    A Service whose selector matches no pod has no endpoints: its name resolves and \
                    its cluster IP accepts connections, which are then refused or time out. The \
                    usual cause is a selector that drifted from the pod template's labels (a renamed \
                    app, a typo, a label only on the Deployment's own metadata), and nothing warns \
                    about it until the traffic fails. Judged only when the scan shows what the Service \
                    fronts (a workload in its file, of its name, or whose own labels it selects) and holds \
                    its application (another workload, Service or custom resource with the same \
                    `app.kubernetes.io/instance`, `app.kubernetes.io/part-of`, `release` or \
                    `helm.sh/chart` label, or, for a Service without them, in its file, or in its namespace and folder); \
                    pods that a custom resource of its namespace could make count as selected.""")
            .remediation("Make `spec.selector` of the Service equal to labels under `spec.template.metadata.labels` "
                    + "of the workload it fronts, in the same namespace (check with "
                    + "`kubectl get endpointslices -l kubernetes.io/service-name=<name>`); remove `selector` "
                    + "if the endpoints are managed by hand.")
            .appliesTo(SourceKind.KUBERNETES)
            .references(
                    Reference.url("Kubernetes: Service", "https://kubernetes.io/docs/concepts/services-networking/service/"),
                    Reference.url("Kubernetes: debug Services",
                            "https://kubernetes.io/docs/tasks/debug/debug-application/debug-service/"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Inventory inventory) {
        List<Workload> kubernetes = inventory.workloads().stream()
                .filter(workload -> workload.source() == SourceKind.KUBERNETES)
                .toList();
        if (kubernetes.isEmpty()) return Stream.empty();
        ApplicationInSet applications = ApplicationInSet.of(inventory);
        CustomResourceMakers makers = CustomResourceMakers.of(inventory);
        return inventory.services().stream()
                .filter(ServiceSelection::hasSelector)
                .filter(service -> writtenFor(service, kubernetes))
                .filter(service -> applications.holds(service.origin(), service.namespace()))
                .filter(service -> ServiceSelection.selectedBy(service, inventory).isEmpty())
                .filter(service -> makers.couldMakePods(service.selector(), service.namespace()).isEmpty())
                .map(service -> Finding.of(INFO, service.selectorOrigin(), message(service, makers)));
    }

    /** True when a scanned workload shows what the Service fronts, so that its selector can be judged. */
    private static boolean writtenFor(ServiceEndpoint service, List<Workload> workloads) {
        String namespace = ServiceSelection.namespace(service.namespace());
        return workloads.stream().anyMatch(workload -> workload.origin().source().equals(service.origin().source())
                || (ServiceSelection.namespace(workload.namespace()).equals(namespace)
                        && (service.name() != null && service.name().equals(workload.name())
                                || service.selector().matches(objectLabels(workload)))));
    }

    private static Map<String, String> objectLabels(Workload workload) {
        Map<String, String> labels = new HashMap<>();
        workload.labels().forEach(label -> labels.putIfAbsent(label.key(), label.value()));
        return labels;
    }

    private static String message(ServiceEndpoint service, CustomResourceMakers makers) {
        String message = service.description() + " selects " + describe(service.selector())
                + ", which matches the pods of no scanned workload in namespace '"
                + ServiceSelection.namespace(service.namespace()) + "'";
        List<ObjectIdentity> unfit = makers.ofKindsNamedBy(service.selector(), service.namespace());
        return unfit.isEmpty() ? message
                : message + "; custom resources there make pods (" + CustomResourceMakers.describe(unfit) + "), but none fits this selector";
    }

    private static String describe(LabelSelector selector) {
        Stream<String> labels = new TreeMap<>(selector.matchLabels()).entrySet().stream()
                .map(label -> label.getKey() + "=" + label.getValue());
        Stream<String> expressions = selector.expressions().stream()
                .map(requirement -> requirement.key() + " " + requirement.operator()
                        + (requirement.values().isEmpty() ? "" : " " + requirement.values()));
        return Stream.concat(labels, expressions).collect(Collectors.joining(", "));
    }
}
