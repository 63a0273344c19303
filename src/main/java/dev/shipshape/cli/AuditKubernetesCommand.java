package dev.shipshape.cli;

import dev.shipshape.load.cluster.ClusterTarget;
import dev.shipshape.load.cluster.ClusterUnavailable;
import dev.shipshape.load.cluster.KubernetesClusterLoader;
import dev.shipshape.model.SourceKind;
import dev.shipshape.scan.AuditedCluster;
import dev.shipshape.scan.ConfigurationException;
import dev.shipshape.scan.Coverage;
import dev.shipshape.scan.InventoryCheck;
import dev.shipshape.scan.ScanOutcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shipshape audit kubernetes}: reads a live cluster through its API server and checks it with
 * the Kubernetes rules of {@code scan}; findings name the live object ({@code Deployment/shop/web}).
 */
@Command(
        name = "kubernetes",
        aliases = "k8s",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        sortOptions = false,
        description = {
            "Audit a running Kubernetes cluster with the rules `scan` applies to manifests: every Deployment, "
                    + "StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob and bare Pod, and the "
                    + "Services, PodDisruptionBudgets, HPAs, NetworkPolicies, Ingresses, ServiceAccounts, RBAC objects, "
                    + "ConfigMaps and Secrets (metadata only: values are never requested) the rules judge. Findings name "
                    + "the live object (Deployment/shop/web).",
            "",
            "Objects a controller made (a Deployment's ReplicaSets and Pods, a CronJob's Jobs) are judged once, through "
                    + "that controller; the status of running pods adds what only a live cluster shows: restart loops, "
                    + "containers not ready, images run without a registry digest.",
            "",
            "It needs only get and list (deploy/kubernetes/audit-rbac.yaml); a kind it may not list is a note and the "
                    + "audit goes on. Annotations ignore.shipshape.dev/<rule>=<reason> suppress a rule for an object.",
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FINDINGS_LINE,
            "2:usage or configuration error, or the cluster cannot be audited (no kubeconfig, unknown context, "
                    + "unreachable, untrusted certificate, credentials refused)",
            ExitCodes.INTERNAL_ERROR_LINE},
        footerHeading = "%nExamples:%n",
        footer = {
            "  # KUBECONFIG, else ~/.kube/config, else the pod's service account; all namespaces",
            "  shipshape audit kubernetes",
            "  shipshape audit kubernetes --context prod --namespace shop",
            "  shipshape audit kubernetes --format sarif --output cluster.sarif --fail-on high",
        })
final class AuditKubernetesCommand implements Callable<Integer> {

    /** Kinds listed at once: most clusters answer each list in milliseconds; more would only queue at the server. */
    private static final int CONCURRENT_KINDS = 6;
    /** Objects per page: kubectl's default chunk size. */
    private static final int PAGE_SIZE = 500;

    @Spec
    CommandSpec spec;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "The kubeconfig to use (default: KUBECONFIG, else ~/.kube/config, else the pod's service account).")
    String kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "The kubeconfig context to use (default: its current context).")
    String context;

    @ArgGroup(exclusive = true)
    Scope scope = new Scope();

    static final class Scope {
        @Option(names = {"-n", "--namespace"}, paramLabel = "NAME",
                description = "Audit only this namespace (cluster-wide kinds such as ClusterRoles are then not read).")
        String namespace;

        @Option(names = {"-A", "--all-namespaces"}, description = "Audit every namespace and the cluster-wide kinds (the default).")
        boolean allNamespaces;
    }

    @Mixin
    ReportOptions report;

    /** What the audit sees of the environment (KUBECONFIG, HOME); tests replace it. */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() {
        try {
            ClusterTarget target = new ClusterTarget(Optional.ofNullable(kubeconfig), Optional.ofNullable(context),
                    Optional.ofNullable(scope == null ? null : scope.namespace));
            KubernetesClusterLoader.Audited audited = new KubernetesClusterLoader(CONCURRENT_KINDS, PAGE_SIZE).load(target, environment);
            Coverage coverage = new Coverage(Map.of(SourceKind.KUBERNETES, audited.objectsJudged()),
                    Map.of(SourceKind.KUBERNETES, audited.objectsJudged()), List.of(), 0, Optional.of(new AuditedCluster(audited.cluster(), audited.server())));
            ScanOutcome outcome = InventoryCheck.check(audited.result(), report.configFile(), report.onlyRules(),
                    report.skipRules(), coverage);
            return report.deliver(outcome, spec);
        } catch (ClusterUnavailable | ConfigurationException cannotAudit) {
            return ReportOptions.usageError(spec, cannotAudit.getMessage());
        } finally {
            spec.commandLine().getErr().flush();
        }
    }
}
