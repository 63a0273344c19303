package dev.shipshape.load.kubernetes;

import dev.shipshape.load.LoadResult;
import dev.shipshape.load.yaml.YamlDocuments;
import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.model.ApiVersionUse;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.KubernetesObjects;
import dev.shipshape.model.ObjectIdentity;
import dev.shipshape.model.Suppression;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Loads a Kubernetes manifest (one or more YAML documents, {@code kind: List} included) into
 * the model: every object that runs pods becomes a {@link dev.shipshape.model.Workload}, every
 * core Service a {@link dev.shipshape.model.ServiceEndpoint} and every PodDisruptionBudget a
 * {@link dev.shipshape.model.DisruptionBudget}; RBAC objects, ServiceAccounts, Namespaces,
 * NetworkPolicies, Ingresses, HTTPRoutes, autoscalers, Secrets and ConfigMaps become
 * {@link KubernetesObjects} ({@link ClusterObjectReader}), and every object's apiVersion is kept. An object of any other kind that holds pod
 * templates (an MPIJob, a JobSet, an Argo Workflow…) gives a workload per template
 * ({@link PodTemplateSearch}); one that holds none is counted as skipped.
 *
 * <p>Bad input never throws: a YAML syntax error keeps the documents before it, and an object
 * that is malformed is reported with its location while the rest of the file is still read.
 */
public final class KubernetesLoader {

    private static final String SERVICE = "Service";
    private static final String DISRUPTION_BUDGET = "PodDisruptionBudget";
    /** A Service of another API group (Knative's serving.knative.dev) is another kind altogether. */
    private static final Set<String> SERVICE_API_VERSIONS = Set.of("v1");
    private static final Set<String> DISRUPTION_BUDGET_API_VERSIONS = Set.of("policy/v1", "policy/v1beta1");

    public LoadResult load(String shownPath, String text) {
        YamlDocuments.Parsed parsed = YamlDocuments.parse(shownPath, text);
        return load(parsed.documents(), parsed.diagnostics());
    }

    /** Documents that are already parsed (the gate's API objects, see {@link dev.shipshape.load.yaml.JsonDocument}). */
    public LoadResult load(List<YamlNode> documents) {
        return load(documents, List.of());
    }

    private LoadResult load(List<YamlNode> documents, List<Diagnostic> syntaxErrors) {
        Problems problems = new Problems();
        WorkloadReader workloads = new WorkloadReader(problems);
        CustomResourceReader customResources = new CustomResourceReader(problems);
        ServiceReader services = new ServiceReader(problems);
        DisruptionBudgetReader budgets = new DisruptionBudgetReader(problems);
        SuppressionAnnotations suppressionAnnotations = new SuppressionAnnotations(problems);
        Inventory.Builder inventory = Inventory.builder();
        List<Suppression> suppressions = new ArrayList<>();
        SkippedKinds skipped = new SkippedKinds();
        ClusterObjectReader clusterObjects = new ClusterObjectReader(problems);
        KubernetesObjects.Builder kubernetes = KubernetesObjects.builder();

        for (ManifestObject object : new ManifestObjects(problems).of(documents)) {
            recordApiVersion(object, kubernetes);
            recordIdentity(object, kubernetes);
            Optional<WorkloadKind> workloadKind = WorkloadKinds.of(object.kind(), object.apiVersion());
            boolean service = is(object, SERVICE, SERVICE_API_VERSIONS);
            boolean budget = is(object, DISRUPTION_BUDGET, DISRUPTION_BUDGET_API_VERSIONS);
            boolean clusterObject = workloadKind.isEmpty() && ClusterObjectReader.reads(object);
            if (workloadKind.isEmpty() && !service && !budget && !clusterObject && !WorkloadKinds.isRecognisedOther(object.kind())) {
                PodTemplateSearch.Result search = PodTemplateSearch.in(object.fields().node());
                if (search.exhausted()) {
                    problems.info(object.kindOrigin(), "this %s is too large or too deep to search whole for pod templates: looked at %d nodes"
                            .formatted(object.kind(), PodTemplateSearch.NODE_BUDGET));
                }
                if (search.templates().isEmpty()) {
                    skipped.add(object);
                    continue;
                }
                ObjectMetadata metadata = ObjectMetadata.read(object.fields().mapping("metadata"), problems);
                suppressionAnnotations.read(metadata, object, suppressions);
                for (WorkloadReader.Read read : customResources.read(object, metadata, search)) {
                    inventory.add(read.workload());
                    suppressionAnnotations.read(read.podTemplateMetadata(), object, suppressions);
                }
                continue;
            }
            ObjectMetadata metadata = ObjectMetadata.read(object.fields().mapping("metadata"), problems);
            suppressionAnnotations.read(metadata, object, suppressions);
            if (workloadKind.isPresent()) {
                WorkloadReader.Read read = workloads.read(object, workloadKind.get(), metadata);
                inventory.add(read.workload());
                if (read.serviceAccount() != null) kubernetes.podServiceAccounts.add(read.serviceAccount());
                if (read.podTemplateMetadata() != metadata) {
                    suppressionAnnotations.read(read.podTemplateMetadata(), object, suppressions);
                }
            } else if (service) {
                inventory.add(services.read(object, metadata));
            } else if (budget) {
                budgets.read(object, metadata).ifPresent(inventory::add);
            } else if (clusterObject) {
                clusterObjects.read(object, metadata, kubernetes);
            }
        }
        skipped.report(problems);
        inventory.add(kubernetes.build());

        List<Diagnostic> diagnostics = new ArrayList<>(problems.all());
        diagnostics.addAll(syntaxErrors);
        return new LoadResult(inventory.build(), diagnostics, suppressions, List.of());
    }

    /** Every object's apiVersion, at its key, for the rule that knows which versions were removed. */
    private static void recordApiVersion(ManifestObject object, KubernetesObjects.Builder into) {
        Optional<YamlNode.Entry> apiVersion = object.fields().entry("apiVersion");
        String version = object.apiVersion();
        if (apiVersion.isEmpty() || version == null) return;
        String name = object.fields().node().at("metadata", "name").flatMap(YamlNode::text).orElse(ObjectMetadata.UNNAMED);
        into.apiVersions.add(new ApiVersionUse(object.kind(), version, name, apiVersion.get().origin()));
    }

    /**
     * Every object's kind, name, namespace and labels, for the rules that ask which application an
     * object belongs to. Read quietly: the reader of its kind reports what is wrong with its metadata.
     */
    private static void recordIdentity(ManifestObject object, KubernetesObjects.Builder into) {
        ObjectMetadata metadata = ObjectMetadata.read(Fields.of(object.fields().node(), new Problems()).mapping("metadata"), new Problems());
        into.objects.add(new ObjectIdentity(object.kind(), object.apiVersion(), metadata.name(), metadata.namespace(),
                metadata.labelMap(), object.kindOrigin()));
    }

    /** The object is of this kind, in one of these API versions (or in none written, which is already reported). */
    private static boolean is(ManifestObject object, String kind, Set<String> apiVersions) {
        if (!object.kind().equals(kind)) return false;
        String apiVersion = object.apiVersion();
        return apiVersion == null || apiVersions.contains(apiVersion);
    }
}
