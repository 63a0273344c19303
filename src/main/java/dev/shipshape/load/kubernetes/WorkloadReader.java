package dev.shipshape.load.kubernetes;

import dev.shipshape.model.Container;
import dev.shipshape.model.Origin;
import dev.shipshape.model.PodServiceAccount;
import dev.shipshape.model.Rollout;
import dev.shipshape.model.Scheduling;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import java.util.List;
import java.util.Optional;

/** Reads an object of a kind that runs pods into a {@link Workload}. */
final class WorkloadReader {

    /**
     * A workload and its pod template's metadata (the same as the object's for a Pod), whose
     * annotations may carry suppressions too, and the ServiceAccount its pods run as (null for a pod
     * template inside a custom resource, whose operator often sets the account itself).
     */
    record Read(Workload workload, ObjectMetadata podTemplateMetadata, PodServiceAccount serviceAccount) {

        Read(Workload workload, ObjectMetadata podTemplateMetadata) {
            this(workload, podTemplateMetadata, null);
        }
    }

    private final Problems problems;
    private final PodSpecReader podSpecs;
    private final RolloutReader rollouts;
    private final SchedulingReader scheduling;
    private final HostAliasReader hostAliases;
    private final ClaimTemplateReader claimTemplates;

    WorkloadReader(Problems problems) {
        this.problems = problems;
        this.podSpecs = new PodSpecReader(problems);
        this.rollouts = new RolloutReader();
        this.scheduling = new SchedulingReader(problems);
        this.hostAliases = new HostAliasReader(problems);
        this.claimTemplates = new ClaimTemplateReader(problems);
    }

    Read read(ManifestObject object, WorkloadKind kind, ObjectMetadata metadata) {
        Origin origin = object.kindOrigin();
        String description = kind.name() + " '" + metadata.name() + "'";
        Optional<Fields> objectSpec = object.fields().mapping("spec");

        Optional<Fields> template = kind.isPod() ? Optional.of(object.fields()) : follow(objectSpec, kind.templatePath());
        ObjectMetadata templateMetadata = kind.isPod() ? metadata
                : template.map(fields -> ObjectMetadata.read(fields.mapping("metadata"), problems))
                        .orElse(new ObjectMetadata(metadata.name(), metadata.namespace(), List.of(), List.of()));
        Optional<Fields> podSpec = kind.isPod() ? objectSpec : template.flatMap(fields -> fields.mapping("spec"));

        Setting<Integer> replicas = kind.hasReplicas() ? objectSpec.flatMap(this::replicas).orElse(Setting.unset(origin))
                : Setting.unset(origin);
        Setting<String> serviceName = kind.hasServiceName()
                ? objectSpec.flatMap(spec -> spec.text("serviceName")).orElse(Setting.unset(origin))
                : Setting.unset(origin);
        List<Setting<String>> claims = kind.hasClaimTemplates() ? claimTemplates.read(objectSpec) : List.of();
        Rollout rollout = rollouts.read(objectSpec, kind, origin);

        Setting<String> restartPolicy = Setting.unset(origin);
        List<Container> containers = List.of();
        if (podSpec.isPresent()) {
            restartPolicy = podSpec.get().text("restartPolicy").orElse(restartPolicy);
            containers = podSpecs.read(podSpec.get(), description, ProfileAnnotations.read(templateMetadata.annotations()), claims);
        } else {
            problems.warn(origin, description + " has no pod spec at '" + kind.podSpecPath() + "'");
        }
        Scheduling placement = scheduling.read(podSpec, origin);
        List<Setting<String>> extraHosts = hostAliases.read(podSpec);

        Workload workload = new Workload(kind.name(), metadata.name(), metadata.namespace(), SourceKind.KUBERNETES,
                origin, object.lastLine(), replicas, restartPolicy, containers, metadata.labels(), templateMetadata.labelMap(),
                rollout, placement, List.of(), List.of(), extraHosts, serviceName, claims);
        return new Read(workload, templateMetadata, serviceAccount(podSpec, workload));
    }

    /** {@code serviceAccountName} (or its deprecated twin {@code serviceAccount}) and {@code automountServiceAccountToken}. */
    private static PodServiceAccount serviceAccount(Optional<Fields> podSpec, Workload workload) {
        Origin origin = workload.origin();
        Setting<String> name = podSpec.flatMap(spec -> spec.text("serviceAccountName").or(() -> spec.text("serviceAccount")))
                .orElse(Setting.unset(origin));
        Setting<Boolean> automount = podSpec.flatMap(spec -> spec.bool("automountServiceAccountToken")).orElse(Setting.unset(origin));
        return new PodServiceAccount(workload.description(), workload.namespace(), origin, name, automount);
    }

    private static Optional<Fields> follow(Optional<Fields> from, List<String> path) {
        Optional<Fields> current = from;
        for (String key : path) current = current.flatMap(fields -> fields.mapping(key));
        return current;
    }

    private Optional<Setting<Integer>> replicas(Fields spec) {
        Optional<Setting<Long>> written = spec.integer("replicas");
        if (written.isEmpty()) return Optional.empty();
        long value = written.get().value();
        if (value < 0 || value > Integer.MAX_VALUE) {
            problems.warn(written.get().origin(), "'replicas' is out of range: " + value);
            return Optional.empty();
        }
        return Optional.of(Setting.of((int) value, written.get().origin()));
    }
}
