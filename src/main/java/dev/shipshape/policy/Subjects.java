package dev.shipshape.policy;

import dev.shipshape.model.Container;
import dev.shipshape.model.DaemonConfig;
import dev.shipshape.model.DisruptionBudget;
import dev.shipshape.model.EnvVar;
import dev.shipshape.model.Image;
import dev.shipshape.model.Instruction;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.KeyValue;
import dev.shipshape.model.Mount;
import dev.shipshape.model.Network;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Port;
import dev.shipshape.model.Probe;
import dev.shipshape.model.SecurityOption;
import dev.shipshape.model.ServiceEndpoint;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Stage;
import dev.shipshape.model.Volume;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells which object of an inventory a finding is about. Findings carry only a rule, an origin and
 * a message, so the object is found from the origin, in this order:
 * <ol>
 *   <li>the object that states a setting at exactly that origin (a container's {@code privileged}
 *       key, a Service's {@code selector}, a network's {@code driver}); when several containers of
 *       one pod share it (pod-level {@code hostNetwork}), the one the message names;</li>
 *   <li>for a Dockerfile: a container built from it that the message names (a Compose service whose
 *       image runs as root), else the Dockerfile itself, with the stage and instruction;</li>
 *   <li>the workload whose lines in the same file contain the origin (a Compose service spans its
 *       key to its last line, a Kubernetes workload its {@code kind:} to its document's end);</li>
 *   <li>the daemon configuration of a daemon.json; else only the file.</li>
 * </ol>
 */
public final class Subjects {

    private record Owner(Workload workload, Container container, Subject subject) {
    }

    private final Map<Origin, List<Owner>> owners = new HashMap<>();
    private final Map<String, List<Workload>> workloadsByFile = new HashMap<>();
    private final Map<String, Image> imagesByFile = new HashMap<>();
    private final Map<String, List<Container>> containersByDockerfile = new HashMap<>();
    private final Map<Container, Workload> workloadOf = new IdentityHashMap<>();
    private final Map<String, DaemonConfig> daemonsByFile = new HashMap<>();
    private boolean liveDaemon;

    public Subjects(Inventory inventory) {
        for (Workload workload : inventory.workloads()) index(workload);
        for (Image image : inventory.images()) imagesByFile.putIfAbsent(image.file(), image);
        for (Network network : inventory.networks()) {
            Subject subject = new Subject(network.origin().source(), network.source(), network.origin().source(), "network",
                    null, network.name(), null, null, null);
            own(network.origin(), null, null, subject);
            own(network.driver().origin(), null, null, subject);
            own(network.internal().origin(), null, null, subject);
            for (KeyValue option : network.driverOptions()) own(option.origin(), null, null, subject);
        }
        for (Volume volume : inventory.volumes()) {
            Subject subject = new Subject(volume.origin().source(), volume.source(), volume.origin().source(), "volume",
                    null, volume.name(), null, null, null);
            own(volume.origin(), null, null, subject);
            own(volume.driver().origin(), null, null, subject);
            for (KeyValue option : volume.driverOptions()) own(option.origin(), null, null, subject);
        }
        for (ServiceEndpoint service : inventory.services()) {
            Subject subject = new Subject(service.origin().source(), SourceKind.KUBERNETES, service.origin().source(), "Service",
                    service.namespace(), service.name(), null, null, null);
            own(service.origin(), null, null, subject);
            own(service.selectorOrigin(), null, null, subject);
            for (ServiceEndpoint.ServicePort port : service.ports()) {
                own(port.origin(), null, null, subject);
                own(port.targetPort().origin(), null, null, subject);
            }
        }
        for (DisruptionBudget budget : inventory.disruptionBudgets()) {
            own(budget.origin(), null, null, new Subject(budget.origin().source(), SourceKind.KUBERNETES, budget.origin().source(),
                    "PodDisruptionBudget", budget.namespace(), budget.name(), null, null, null));
        }
        for (DaemonConfig daemon : inventory.daemons()) {
            daemonsByFile.putIfAbsent(daemon.origin().source(), daemon);
            if (!daemon.origin().isInFile()) liveDaemon = true;
        }
    }

    /** The subject of one finding; never null (at worst it knows only the file). */
    public Subject of(Finding finding) {
        Origin origin = finding.origin();
        List<Owner> candidates = owners.get(origin);
        if (candidates != null) return fromOwners(candidates, finding);

        Image image = imagesByFile.get(origin.source());
        if (image != null) {
            Container builder = named(containersByDockerfile.getOrDefault(origin.source(), List.of()), finding.message());
            if (builder != null) return subjectOf(workloadOf.get(builder), builder, origin.source());
            return imageSubject(image, origin);
        }
        for (Workload workload : workloadsByFile.getOrDefault(origin.source(), List.of())) {
            if (origin.line() >= workload.origin().line() && origin.line() <= Math.max(workload.lastLine(), workload.origin().line())) {
                return subjectOf(workload, chooseContainer(workload, workload.containers(), finding.message()), origin.source());
            }
        }
        if (daemonsByFile.containsKey(origin.source()) || (liveDaemon && !origin.isInFile())) {
            // A live engine's settings point at the daemon, its socket or the socket's group: all are the daemon.
            SourceKind source = origin.isInFile() ? SourceKind.DAEMON_JSON : SourceKind.LIVE_DOCKER;
            return new Subject(origin.source(), source, origin.source(), "daemon", null, null, null, null, null);
        }
        return Subject.fileOnly(origin.source());
    }

    private Subject fromOwners(List<Owner> candidates, Finding finding) {
        Owner first = candidates.getFirst();
        if (first.workload() == null) return first.subject();
        Workload workload = first.workload();
        if (candidates.stream().map(Owner::workload).distinct().count() > 1) {
            for (Owner owner : candidates) {
                if (owner.workload() != null && finding.message().contains(owner.workload().description())) {
                    workload = owner.workload();
                    break;
                }
            }
        }
        List<Container> containers = new ArrayList<>();
        for (Owner owner : candidates) {
            if (owner.workload() == workload && owner.container() != null && !containers.contains(owner.container())) {
                containers.add(owner.container());
            }
        }
        Container container = containers.size() == 1 ? containers.getFirst() : chooseContainer(workload, containers, finding.message());
        return subjectOf(workload, container, finding.origin().source());
    }

    /** The container among {@code candidates} that the message names; a single-container workload's only container. */
    private static Container chooseContainer(Workload workload, List<Container> candidates, String message) {
        Container named = named(candidates, message);
        if (named != null) return named;
        return workload.containers().size() == 1 ? workload.containers().getFirst() : null;
    }

    /** The container whose description the message contains (the longest, so "init container 'a' in Pod 'p'" beats "container 'a' in Pod 'p'"). */
    private static Container named(List<Container> candidates, String message) {
        Container best = null;
        for (Container container : candidates) {
            if (message.contains(container.description())
                    && (best == null || container.description().length() > best.description().length())) {
                best = container;
            }
        }
        return best;
    }

    private static Subject subjectOf(Workload workload, Container container, String file) {
        String image = container == null ? null : container.image().value();
        return new Subject(file, workload.source(), workload.origin().source(), workload.kind(), workload.namespace(), workload.name(),
                container == null ? null : container.name(), image, workload.templatePath());
    }

    private static Subject imageSubject(Image image, Origin origin) {
        int stageIndex = -1;
        for (int index = 0; index < image.stages().size(); index++) {
            if (image.stages().get(index).origin().line() <= origin.line()) stageIndex = index;
        }
        String detail;
        if (stageIndex < 0) {
            detail = "global/ARG";
        } else {
            Stage stage = image.stages().get(stageIndex);
            String keyword = "FROM";
            for (Instruction instruction : stage.instructions()) {
                if (instruction.origin().line() <= origin.line()) keyword = instruction.keyword();
                if (instruction.origin().equals(origin)) {
                    keyword = instruction.keyword();
                    break;
                }
            }
            detail = "stage[" + stageIndex + "]/" + keyword;
        }
        return new Subject(origin.source(), SourceKind.DOCKERFILE, image.file(), "image", null, image.file(), null, null, detail);
    }

    private void index(Workload workload) {
        workloadsByFile.computeIfAbsent(workload.origin().source(), file -> new ArrayList<>()).add(workload);
        own(workload.origin(), workload, null, null);
        own(workload.replicas().origin(), workload, null, null);
        own(workload.restartPolicy().origin(), workload, null, null);
        for (KeyValue label : workload.labels()) own(label.origin(), workload, null, null);
        own(workload.rollout().strategy().origin(), workload, null, null);
        own(workload.rollout().maxUnavailable().origin(), workload, null, null);
        own(workload.rollout().order().origin(), workload, null, null);
        own(workload.rollout().failureAction().origin(), workload, null, null);
        own(workload.scheduling().mode().origin(), workload, null, null);
        ownAll(workload.scheduling().placementPreferences(), workload, null);
        ownAll(workload.scheduling().placementConstraints(), workload, null);
        workload.dependencies().forEach(dependency -> {
            own(dependency.origin(), workload, null, null);
            own(dependency.condition().origin(), workload, null, null);
        });
        ownAll(workload.links(), workload, null);
        ownAll(workload.extraHosts(), workload, null);
        own(workload.serviceName().origin(), workload, null, null);
        ownAll(workload.claimTemplates(), workload, null);
        for (Container container : workload.containers()) {
            workloadOf.put(container, workload);
            container.builtFrom().ifPresent(image -> {
                imagesByFile.putIfAbsent(image.file(), image);
                containersByDockerfile.computeIfAbsent(image.file(), file -> new ArrayList<>()).add(container);
            });
            index(workload, container);
        }
    }

    private void index(Workload workload, Container container) {
        own(container.origin(), workload, container, null);
        for (Setting<?> setting : List.of(container.image(), container.user(), container.runAsNonRoot(), container.privileged(),
                container.noNewPrivileges(), container.readOnlyRootFilesystem(), container.networkMode(), container.pidMode(),
                container.ipcMode(), container.utsMode(), container.resources().memoryLimit(), container.resources().cpuLimit(),
                container.resources().pidsLimit())) {
            own(setting.origin(), workload, container, null);
        }
        ownAll(container.capabilitiesAdded(), workload, container);
        ownAll(container.capabilitiesDropped(), workload, container);
        ownAll(container.networks(), workload, container);
        ownAll(container.devices(), workload, container);
        for (SecurityOption option : container.securityOptions()) own(option.origin(), workload, container, null);
        for (Mount mount : container.mounts()) {
            own(mount.origin(), workload, container, null);
            own(mount.readOnly().origin(), workload, container, null);
            own(mount.sizeLimit().origin(), workload, container, null);
        }
        for (Port port : container.ports()) {
            own(port.origin(), workload, container, null);
            own(port.hostIp().origin(), workload, container, null);
        }
        for (EnvVar variable : container.environment()) own(variable.origin(), workload, container, null);
        for (Probe probe : container.probes()) own(probe.origin(), workload, container, null);
    }

    private void ownAll(List<? extends Setting<?>> settings, Workload workload, Container container) {
        for (Setting<?> setting : settings) own(setting.origin(), workload, container, null);
    }

    private void own(Origin origin, Workload workload, Container container, Subject subject) {
        List<Owner> list = owners.computeIfAbsent(origin, key -> new ArrayList<>(1));
        for (Owner owner : list) {
            if (owner.workload() == workload && owner.container() == container && owner.subject() == subject) return;
        }
        list.add(new Owner(workload, container, subject));
    }
}
