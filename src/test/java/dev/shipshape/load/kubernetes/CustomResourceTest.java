package dev.shipshape.load.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Container;
import dev.shipshape.model.ConfigMap;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.KeyValue;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import dev.shipshape.model.Workload;
import dev.shipshape.policy.Subjects;
import dev.shipshape.rules.BuiltInRules;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.RuleEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pod templates inside objects of custom kinds are found by shape, read as workloads and judged like any other. */
class CustomResourceTest {

    private static final Path FOLDER = Path.of("src/test/resources/load/kubernetes/custom");
    private static final Set<String> SECURITY_RULES = Set.of(
            "privileged-container", "host-namespace-shared", "host-network", "port-on-all-interfaces", "runs-as-root",
            "docker-socket-mounted");

    private static LoadResult load(String file) throws IOException {
        return new KubernetesLoader().load(file, Files.readString(FOLDER.resolve(file)));
    }

    private static LoadResult loadText(String yaml) {
        return new KubernetesLoader().load("cr.yaml", yaml);
    }

    /** "file:line:col rule message" of the findings of a few rules, in location order. */
    private static List<String> findings(LoadResult result) {
        return new RuleEngine(BuiltInRules.all()).run(result.inventory()).stream()
                .filter(finding -> SECURITY_RULES.contains(finding.rule().name()))
                .sorted(Finding.BY_LOCATION)
                .map(finding -> finding.origin() + " " + finding.rule().name() + " " + finding.message())
                .toList();
    }

    @Test
    void everyReplicaSpecOfAnMpiJobIsAWorkloadNamedByItsPath() throws IOException {
        LoadResult result = load("mpijob.yaml");

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.inventory().workloads())
                .extracting(Workload::kind, Workload::name, Workload::description, Workload::origin, Workload::lastLine)
                .containsExactly(
                        tuple("MPIJob", "train", "MPIJob 'train' (spec.mpiReplicaSpecs.Launcher.template)",
                                Origin.at("mpijob.yaml", 10, 7), 14),
                        tuple("MPIJob", "train", "MPIJob 'train' (spec.mpiReplicaSpecs.Worker.template)",
                                Origin.at("mpijob.yaml", 18, 7), 29));
        Workload worker = result.inventory().workloads().get(1);
        // a replica spec's restartPolicy is where Kubeflow writes it: beside the template
        assertThat(worker.restartPolicy()).isEqualTo(Setting.of("OnFailure", Origin.at("mpijob.yaml", 17, 7)));
        assertThat(worker.podLabels()).containsExactly(java.util.Map.entry("role", "worker"));
        assertThat(worker.containers()).extracting(Container::description)
                .containsExactly("container 'worker' in MPIJob 'train' (spec.mpiReplicaSpecs.Worker.template)");
    }

    @Test
    void aPrivilegedWorkerWithHostPidAndIpcIsFoundAtItsKeys() throws IOException {
        assertThat(findings(load("mpijob.yaml"))).containsExactly(
                "mpijob.yaml:13:15 runs-as-root container 'launcher' in MPIJob 'train' (spec.mpiReplicaSpecs.Launcher.template)"
                        + " sets neither runAsNonRoot: true nor runAsUser: unless its image sets a non-root USER, it runs as root",
                "mpijob.yaml:23:11 host-namespace-shared container 'worker' in MPIJob 'train' (spec.mpiReplicaSpecs.Worker.template)"
                        + " shares the host's PID namespace: it sees every host process with its command line and, as root, can signal (kill) them",
                "mpijob.yaml:24:11 host-namespace-shared container 'worker' in MPIJob 'train' (spec.mpiReplicaSpecs.Worker.template)"
                        + " shares the host's IPC namespace: it can read and write the host's shared memory, semaphores and message queues",
                "mpijob.yaml:26:15 runs-as-root container 'worker' in MPIJob 'train' (spec.mpiReplicaSpecs.Worker.template)"
                        + " sets neither runAsNonRoot: true nor runAsUser: unless its image sets a non-root USER, it runs as root",
                "mpijob.yaml:29:17 privileged-container container 'worker' in MPIJob 'train' (spec.mpiReplicaSpecs.Worker.template) runs privileged");
    }

    @Test
    void aFindingsSubjectNamesTheTemplateSoThatBaselinesTellTemplatesApart() throws IOException {
        LoadResult result = load("mpijob.yaml");
        Subjects subjects = new Subjects(result.inventory());

        List<String> identities = new RuleEngine(List.of(new dev.shipshape.rules.security.RunsAsRoot())).run(result.inventory()).stream()
                .map(finding -> subjects.of(finding).identity()).toList();

        assertThat(identities).containsExactlyInAnyOrder(
                "MPIJob//train(spec.mpiReplicaSpecs.Launcher.template)/launcher",
                "MPIJob//train(spec.mpiReplicaSpecs.Worker.template)/worker");
    }

    @Test
    void jobSetTemplatesAndRayGroupsAreFoundAtAnyDepthAndAConfigMapIsReadAsOne() throws IOException {
        LoadResult result = load("jobset-ray.yaml");

        assertThat(result.inventory().workloads()).extracting(Workload::description, Workload::origin).containsExactly(
                tuple("JobSet 'sweep' (spec.replicatedJobs[0].template.spec.template)", Origin.at("jobset-ray.yaml", 11, 11)),
                tuple("RayService 'serve' (spec.rayClusterConfig.headGroupSpec.template)", Origin.at("jobset-ray.yaml", 25, 7)),
                tuple("RayService 'serve' (spec.rayClusterConfig.workerGroupSpecs[0].template)", Origin.at("jobset-ray.yaml", 33, 9)));
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.inventory().kubernetes().configMaps()).containsExactly(new ConfigMap("settings", null,
                Origin.at("jobset-ray.yaml", 40, 1), List.of(new KeyValue("containers", "[{name: x}]", Origin.at("jobset-ray.yaml", 44, 3)))));
        assertThat(findings(result)).filteredOn(line -> !line.contains(" runs-as-root ")).containsExactly(
                "jobset-ray.yaml:27:11 host-network RayService 'serve' (spec.rayClusterConfig.headGroupSpec.template)"
                        + " uses the host's network namespace");
    }

    @Test
    void argoTemplatesKnativeServicesAndAVolcanoJobAreRead() throws IOException {
        LoadResult result = load("argo-knative.yaml");

        assertThat(result.inventory().workloads()).extracting(Workload::description, Workload::origin).containsExactly(
                tuple("Workflow 'steps-' (spec.templates[1])", Origin.at("argo-knative.yaml", 12, 7)),
                tuple("Workflow 'steps-' (spec.templates[2].containerSet)", Origin.at("argo-knative.yaml", 19, 7)),
                tuple("Service 'hello' (spec.template)", Origin.at("argo-knative.yaml", 29, 3)),
                // a Job of batch.volcano.sh is not a batch/v1 Job: its pods sit in spec.tasks
                tuple("Job 'volcano' (spec.tasks[0].template)", Origin.at("argo-knative.yaml", 45, 7)),
                tuple("CronWorkflow 'nightly' (spec.workflowSpec.templates[0])", Origin.at("argo-knative.yaml", 69, 9)));
        // Argo's single container is named "main" as Argo names it; the template's securityContext is the pod's
        Workload hello = result.inventory().workloads().getFirst();
        assertThat(hello.containers()).singleElement().satisfies(container -> {
            assertThat(container.description()).isEqualTo("container 'main' in Workflow 'steps-' (spec.templates[1])");
            assertThat(container.runAsNonRoot()).isEqualTo(Setting.of(true, Origin.at("argo-knative.yaml", 14, 9)));
        });
        // the CronWorkflow's workflowSpec states hostNetwork, the securityContext and the volumes of all its pods
        assertThat(findings(result)).filteredOn(line -> !line.contains(" runs-as-root ")).containsExactly(
                "argo-knative.yaml:35:15 port-on-all-interfaces container '<unnamed>' in Service 'hello' (spec.template)"
                        + " publishes 80 on every interface",
                "argo-knative.yaml:61:5 host-network CronWorkflow 'nightly' (spec.workflowSpec.templates[0])"
                        + " uses the host's network namespace",
                "argo-knative.yaml:67:11 docker-socket-mounted container 'main' in CronWorkflow 'nightly' (spec.workflowSpec.templates[0])"
                        + " mounts the Docker socket /var/run/docker.sock, which gives it control of the host");
        assertThat(findings(result)).filteredOn(line -> line.contains(" runs-as-root ") && line.contains("nightly")).isEmpty();
        // Knative allows a nameless container: not reported inside a custom resource
        assertThat(result.diagnostics()).isEmpty();
    }

    @Test
    void aSchemaThatDescribesContainersIsNoWorkload() {
        LoadResult result = loadText("""
                apiVersion: example.com/v1
                kind: Template
                metadata:
                  name: schema
                spec:
                  properties:
                    containers:
                      type: array
                  notes:
                    containers: [1, 2]
                """);

        assertThat(result.inventory().workloads()).isEmpty();
        assertThat(result.diagnostics()).extracting(Diagnostic::toString)
                .containsExactly("cr.yaml:2:1: info: skipped 1 object of kinds not checked: Template");
    }

    @Test
    void aPodSpecUnderAnotherKeyAndATemplateInsideAWrappedDeploymentAreFound() {
        LoadResult result = loadText("""
                apiVersion: serving.kserve.io/v1beta1
                kind: InferenceService
                metadata:
                  name: model
                spec:
                  predictor:
                    hostIPC: true
                    containers:
                      - name: kserve-container
                        image: example/model:1.0
                ---
                apiVersion: example.com/v1
                kind: App
                metadata:
                  name: wrapped
                spec:
                  deployment:
                    spec:
                      template:
                        spec:
                          containers:
                            - name: app
                              image: example/app:1.0
                """);

        assertThat(result.inventory().workloads()).extracting(Workload::description, Workload::origin).containsExactly(
                tuple("InferenceService 'model' (spec.predictor)", Origin.at("cr.yaml", 6, 3)),
                tuple("App 'wrapped' (spec.deployment.spec.template)", Origin.at("cr.yaml", 19, 7)));
        assertThat(result.inventory().workloads().getFirst().containers().getFirst().ipcMode())
                .isEqualTo(Setting.of("host", Origin.at("cr.yaml", 7, 5)));
    }

    @Test
    void theSearchStopsAtItsBudgetAndSaysSo() {
        StringBuilder yaml = new StringBuilder("apiVersion: example.com/v1\nkind: Huge\nmetadata:\n  name: big\nspec:\n  items:\n");
        for (int index = 0; index < PodTemplateSearch.NODE_BUDGET; index++) yaml.append("    - ").append(index).append('\n');
        yaml.append("  template:\n    spec:\n      containers:\n        - name: late\n          image: busybox:1.36\n");

        LoadResult result = loadText(yaml.toString());

        assertThat(result.inventory().workloads()).isEmpty();
        assertThat(result.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "cr.yaml:2:1: info: this Huge is too large or too deep to search whole for pod templates: looked at 20000 nodes",
                "cr.yaml:2:1: info: skipped 1 object of kinds not checked: Huge");
    }
}
