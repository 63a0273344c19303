package dev.shipshape.load.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shipshape.load.LoadResult;
import dev.shipshape.load.kubernetes.KubernetesLoader;
import dev.shipshape.model.Container;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.KubernetesObjects;
import dev.shipshape.model.Origin;
import dev.shipshape.model.RuntimeState;
import dev.shipshape.model.Suppression;
import dev.shipshape.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads a live cluster into the model: every kind of {@link ClusterKinds} is listed (in the version
 * the server serves, a page at a time, several kinds at once), and the objects go through the same
 * {@link KubernetesLoader} as manifest files, so every Kubernetes rule applies unchanged; findings
 * name the live object ({@code Deployment/shop/web}).
 *
 * <p>An object a controller made (a Deployment's ReplicaSets, their Pods, a CronJob's Jobs) is judged
 * once, through that controller, when the controller was read too. The status of the pods gives the
 * containers of the object judged their live state (restarts, readiness, the image's digest); of
 * several pods, the one in the worst state is shown. A kind that cannot be listed (403) or is not
 * served is a note, and the audit goes on. The RBAC objects the API server makes itself ({@code cluster-admin},
 * {@code system:*}) are not judged: it restores them at every start, so nobody can change them.
 */
public final class KubernetesClusterLoader {

    private final int concurrentKinds;
    private final int pageSize;

    public KubernetesClusterLoader(int concurrentKinds, int pageSize) {
        this.concurrentKinds = concurrentKinds;
        this.pageSize = pageSize;
    }

    /**
     * @param objectsRead every object listed; {@code objectsJudged} those judged in their own right
     */
    /** @param cluster the kubeconfig context read, or the server's address when there is none */
    public record Audited(LoadResult result, String server, String cluster, String serverVersion, int objectsRead, int objectsJudged) {
    }

    /** What listing one kind gave: its objects, or the note saying why there are none. */
    private record Listed(ClusterKind kind, List<ObjectNode> objects, Optional<Diagnostic> note, boolean forbidden) {

        Listed(ClusterKind kind, List<ObjectNode> objects, Optional<Diagnostic> note) {
            this(kind, objects, note, false);
        }
    }

    public Audited load(ClusterTarget target, Map<String, String> environment) throws ClusterUnavailable {
        try (ClusterConnection connection = ClusterConnection.open(target, environment)) {
            String serverVersion = serverVersion(connection);
            List<Listed> listed = listAll(connection, target.namespace());

            if (listed.stream().allMatch(Listed::forbidden)) {
                throw new ClusterUnavailable("these credentials may list none of the kinds the audit reads (403 Forbidden for each): "
                        + "bind them to the ClusterRole of deploy/kubernetes/audit-rbac.yaml");
            }
            List<Diagnostic> notes = new ArrayList<>();
            List<LiveObject> objects = new ArrayList<>();
            for (Listed kind : listed) {
                kind.note().ifPresent(notes::add);
                kind.objects().forEach(object -> objects.add(LiveObject.of(object)));
            }
            JudgedObjects judged = JudgedObjects.of(objects);
            notes.addAll(judged.notes);
            // Workloads apart from the rest, so that their containers can be given their pods' state
            LoadResult workloads = new KubernetesLoader().load(judged.workloads);
            LoadResult others = new KubernetesLoader().load(judged.others);
            // the workloads' own Kubernetes objects too: which ServiceAccount each pod runs as, the API versions read
            Inventory.Builder inventory = Inventory.builder().addAll(others.inventory()).add(workloads.inventory().kubernetes());
            workloads.inventory().workloads().stream()
                    .map(workload -> withRuntime(workload, judged.runtimes.get(describe(workload))))
                    .forEach(inventory::add);
            notes.addAll(workloads.diagnostics());
            notes.addAll(others.diagnostics());
            List<Suppression> suppressions = new ArrayList<>(workloads.suppressions());
            suppressions.addAll(others.suppressions());
            suppressions.addAll(judged.suppressions);
            LoadResult result = new LoadResult(withoutApiVersions(inventory.build()), notes, suppressions, List.of());
            return new Audited(result, connection.server(), connection.cluster(), serverVersion, objects.size(), judged.judged);
        }
    }

    private static String serverVersion(ClusterConnection connection) throws ClusterUnavailable {
        try {
            return connection.get("/version").path("gitVersion").asText("unknown");
        } catch (ClusterConnection.ApiError refused) {
            throw new ClusterUnavailable("%s refused to say its version (%s): is it a Kubernetes API server?"
                    .formatted(connection.server(), refused.getMessage()));
        }
    }

    private List<Listed> listAll(ClusterConnection connection, Optional<String> namespace) throws ClusterUnavailable {
        ApiDiscovery discovery = new ApiDiscovery(connection);
        PagedList pages = new PagedList(connection, pageSize);
        List<ClusterKind> kinds = ClusterKinds.ALL.stream().filter(kind -> kind.namespaced() || namespace.isEmpty()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrentKinds, kinds.size()), runnable -> {
            Thread thread = new Thread(runnable, "shipshape-list");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Listed>> futures = new ArrayList<>();
            for (ClusterKind kind : kinds) futures.add(pool.submit(() -> list(kind, discovery, pages, namespace)));
            List<Listed> listed = new ArrayList<>();
            for (Future<Listed> future : futures) listed.add(future.get());
            return listed;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ClusterUnavailable("interrupted while reading " + connection.server());
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof ClusterUnavailable unavailable) throw unavailable;
            if (failed.getCause() instanceof RuntimeException bug) throw bug;
            throw new IllegalStateException(failed.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Listed list(ClusterKind kind, ApiDiscovery discovery, PagedList pages, Optional<String> namespace)
            throws ClusterUnavailable {
        Origin where = Origin.live(kind.kind() + (kind.namespaced() ? " (" + namespace.map(ns -> "namespace " + ns)
                .orElse("all namespaces") + ")" : ""));
        Optional<String> version = discovery.servedVersion(kind);
        if (version.isEmpty()) {
            return new Listed(kind, List.of(), Optional.of(new Diagnostic(Diagnostic.Level.INFO, where, "not checked: the server serves no %s (looked for %s)"
                    .formatted(kind.kind(), String.join(", ", kind.versions().stream().map(kind::groupVersion).toList())))));
        }
        try {
            return new Listed(kind, pages.all(kind, version.get(), namespace), Optional.empty());
        } catch (ClusterConnection.ApiError error) {
            String reason = error.status == 403
                    ? "not checked: these credentials may not list %s (403 Forbidden); grant get and list on %s in group '%s' (deploy/kubernetes/audit-rbac.yaml)"
                            .formatted(kind.plural(), kind.plural(), kind.group())
                    : "not checked: listing %s failed with HTTP %d: %s".formatted(kind.plural(), error.status, error.getMessage());
            return new Listed(kind, List.of(), Optional.of(Diagnostic.warning(where, reason)), error.status == 403);
        }
    }

    private static String describe(Workload workload) {
        return workload.kind() + "/" + (workload.namespace() == null || workload.namespace().isEmpty() ? "" : workload.namespace() + "/")
                + workload.name();
    }

    private static Workload withRuntime(Workload workload, Map<String, RuntimeState> states) {
        if (states == null || states.isEmpty()) return workload;
        List<Container> containers = workload.containers().stream().map(container -> {
            RuntimeState state = states.get(container.name());
            if (state == null) return container;
            var copy = container.toBuilder(container.description());
            copy.runtime = state;
            return copy.build();
        }).toList();
        return new Workload(workload.kind(), workload.name(), workload.namespace(), workload.source(), workload.origin(),
                workload.lastLine(), workload.replicas(), workload.restartPolicy(), containers, workload.labels(),
                workload.podLabels(), workload.rollout(), workload.scheduling(), workload.dependencies(), workload.links(),
                workload.extraHosts(), workload.serviceName(), workload.claimTemplates(), workload.templatePath());
    }

    /**
     * A live object's apiVersion is the one the audit asked the server for (1.20 serves
     * PodDisruptionBudgets only as policy/v1beta1), not one anybody wrote: deprecated-api-version
     * judges manifests and admission requests, never what a list returned.
     */
    private static Inventory withoutApiVersions(Inventory read) {
        KubernetesObjects objects = read.kubernetes();
        return new Inventory(read.workloads(), read.images(), read.networks(), read.volumes(), read.daemons(), read.services(),
                read.disruptionBudgets(), new KubernetesObjects(List.of(), objects.namespaces(), objects.roles(), objects.roleBindings(),
                        objects.serviceAccounts(), objects.podServiceAccounts(), objects.networkPolicies(), objects.routes(),
                        objects.autoscalers(), objects.secrets(), objects.configMaps(), objects.objects()));
    }
}
