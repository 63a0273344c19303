package dev.shipshape.load.kubernetes;

import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.model.Container;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Rollout;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the pod templates that {@link PodTemplateSearch} finds inside an object of a custom kind:
 * each becomes a {@link Workload} of that kind, named by the object and the template's path
 * ({@code MPIJob 'train' (spec.mpiReplicaSpecs.Worker.template)}), which starts at the key that
 * holds the template. The workload states what its pod template states; replicas, rollout and
 * the like are the operator's business and stay unset.
 */
final class CustomResourceReader {

    /** The name Argo Workflows gives a template's {@code container} or {@code script} when it states none. */
    private static final String SINGLE_CONTAINER_NAME = "main";

    /**
     * A container of a custom resource may state no name (Knative names it for the user); it is not
     * reported, and findings call it this.
     */
    private static final String UNNAMED_CONTAINER = "<unnamed>";

    private final Problems problems;
    private final PodSpecReader podSpecs;
    private final ContainerReader containers;
    private final SchedulingReader scheduling;
    private final HostAliasReader hostAliases;
    private final SecurityContextReader securityContexts;

    CustomResourceReader(Problems problems) {
        this.problems = problems;
        this.podSpecs = new PodSpecReader(problems);
        this.containers = new ContainerReader(problems);
        this.scheduling = new SchedulingReader(problems);
        this.hostAliases = new HostAliasReader(problems);
        this.securityContexts = new SecurityContextReader(problems);
    }

    /** The object's pod templates as workloads; empty when it holds none (it is then skipped, as before). */
    List<WorkloadReader.Read> read(ManifestObject object, ObjectMetadata metadata, PodTemplateSearch.Result search) {
        List<WorkloadReader.Read> reads = new ArrayList<>();
        for (PodTemplateSearch.Found found : search.templates()) reads.add(read(object, metadata, found));
        return reads;
    }

    private WorkloadReader.Read read(ManifestObject object, ObjectMetadata metadata, PodTemplateSearch.Found found) {
        Origin origin = found.at();
        String description = object.kind() + " '" + metadata.name() + "' (" + found.path() + ")";
        Fields holder = Fields.of(found.holder(), problems);
        ObjectMetadata templateMetadata = found.shape() == PodTemplateSearch.Shape.POD_TEMPLATE
                ? ObjectMetadata.read(holder.mapping("metadata"), problems)
                : new ObjectMetadata(metadata.name(), metadata.namespace(), List.of(), List.of());
        ProfileAnnotations annotations = ProfileAnnotations.read(templateMetadata.annotations());
        Fields podSpec = found.shape() == PodTemplateSearch.Shape.POD_TEMPLATE ? holder.mapping("spec").orElseThrow() : holder;

        List<Container> read = found.shape() == PodTemplateSearch.Shape.SINGLE_CONTAINER
                ? singleContainer(podSpec, workflowSpec(object, found), description, annotations)
                : podSpecs.read(podSpec, description, annotations, List.of(), UNNAMED_CONTAINER);
        Setting<String> restartPolicy = podSpec.text("restartPolicy")
                .or(() -> replicaSpecRestartPolicy(found))
                .orElse(Setting.unset(origin));

        Workload workload = new Workload(object.kind(), metadata.name(), metadata.namespace(), SourceKind.KUBERNETES,
                origin, ManifestObject.lastLineOf(found.holder()), Setting.unset(origin), restartPolicy, read,
                metadata.labels(), templateMetadata.labelMap(), Rollout.unset(origin),
                scheduling.read(Optional.of(podSpec), origin), List.of(), List.of(), hostAliases.read(Optional.of(podSpec)),
                Setting.unset(origin), List.of(), found.path());
        return new WorkloadReader.Read(workload, templateMetadata);
    }

    /**
     * The workflow spec around an Argo template ({@code spec.templates[i]}, or a CronWorkflow's
     * {@code spec.workflowSpec.templates[i]}): what it states for every pod of the workflow.
     */
    private Optional<Fields> workflowSpec(ManifestObject object, PodTemplateSearch.Found found) {
        Optional<Fields> spec = object.fields().mapping("spec");
        if (found.path().startsWith("spec.templates[")) return spec;
        if (found.path().startsWith("spec.workflowSpec.templates[")) return spec.flatMap(fields -> fields.mapping("workflowSpec"));
        return Optional.empty();
    }

    /**
     * An Argo template: its {@code container} or {@code script}, its {@code initContainers} and its
     * {@code sidecars}. The template's {@code securityContext} is the pod's, else the workflow's;
     * the workflow's {@code hostNetwork} holds for every pod, and volumes of both are mounted.
     */
    private List<Container> singleContainer(Fields template, Optional<Fields> workflow, String description, ProfileAnnotations annotations) {
        PodContext own = podSpecs.context(template, description, annotations, List.of());
        PodContext pod = workflow.isEmpty() ? own : withWorkflowDefaults(template, workflow.get(), own);
        List<Container> read = new ArrayList<>();
        for (YamlNode item : template.list("initContainers")) containers.read(item, ContainerRole.INIT, pod).ifPresent(read::add);
        for (String key : List.of("container", "script")) {
            template.entry(key).filter(entry -> entry.value().isMap())
                    .flatMap(entry -> containers.read(entry.value(), ContainerRole.REGULAR, pod, SINGLE_CONTAINER_NAME))
                    .ifPresent(read::add);
        }
        for (YamlNode item : template.list("sidecars")) containers.read(item, ContainerRole.REGULAR, pod).ifPresent(read::add);
        return read;
    }

    private PodContext withWorkflowDefaults(Fields template, Fields workflow, PodContext own) {
        List<YamlNode> volumes = new ArrayList<>(workflow.list("volumes"));
        volumes.addAll(template.list("volumes"));
        return new PodContext(own.ownerDescription(),
                own.hostNetwork() != null ? own.hostNetwork() : workflow.bool("hostNetwork").orElse(null),
                own.hostPid(), own.hostIpc(), own.hostUsers(),
                template.entry("securityContext").isPresent() ? own.security() : securityContexts.readPod(workflow.mapping("securityContext")),
                PodVolumes.read(volumes, List.of(), problems),
                own.annotations());
    }

    /** A Kubeflow replica spec states the restart policy of its pods beside their template. */
    private Optional<Setting<String>> replicaSpecRestartPolicy(PodTemplateSearch.Found found) {
        if (found.shape() != PodTemplateSearch.Shape.POD_TEMPLATE || !found.parent().isMap()) return Optional.empty();
        return Fields.of(found.parent(), problems).text("restartPolicy");
    }
}
