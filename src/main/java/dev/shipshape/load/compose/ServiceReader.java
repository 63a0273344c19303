package dev.shipshape.load.compose;

import dev.shipshape.load.compose.ComposeNode.Mapping;
import dev.shipshape.load.compose.ComposeNode.Member;
import dev.shipshape.load.compose.ComposeNode.Scalar;
import dev.shipshape.load.compose.ComposeNode.Sequence;
import dev.shipshape.model.Container;
import dev.shipshape.model.ContainerBuilder;
import dev.shipshape.model.EnvVar;
import dev.shipshape.model.KeyValue;
import dev.shipshape.model.LocalVolumeMount;
import dev.shipshape.model.Mount;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Probe;
import dev.shipshape.model.Resources;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Compose service (already merged and extended) as a {@link Workload} of kind "service" with
 * one {@link Container}. Settings are located at their key, list entries at the entry.
 */
final class ServiceReader {

    private static final String DOCKER_SOCKET = "/var/run/docker.sock";

    private final SourceKind kind;
    private final SettingReader reader;
    private final BuildLink builds;
    private final DeployReader deployReader;
    private final SeccompProfileFiles profiles;
    private final Map<String, LocalVolumeMount> localVolumes;

    /** @param localVolumes what each top-level volume of the file mounts, by its key */
    ServiceReader(SourceKind kind, SettingReader reader, BuildLink builds, SeccompProfileFiles profiles,
            Map<String, LocalVolumeMount> localVolumes) {
        this.kind = kind;
        this.reader = reader;
        this.builds = builds;
        this.deployReader = new DeployReader(reader);
        this.profiles = profiles;
        this.localVolumes = Map.copyOf(localVolumes);
    }

    Workload read(String name, Origin origin, Mapping service) {
        ContainerBuilder container = Container.builder(name, "service '" + name + "'", false, origin);
        Optional<Mapping> deploy = reader.mapping(service, "deploy");

        container.image = reader.string(service, "image", origin);
        container.user = reader.string(service, "user", origin);
        container.privileged = reader.bool(service, "privileged", origin);
        container.readOnlyRootFilesystem = reader.bool(service, "read_only", origin);
        readStrings(service, "cap_add", container.capabilitiesAdded);
        readStrings(service, "cap_drop", container.capabilitiesDropped);
        for (ComposeNode item : reader.list(service, "security_opt", false)) {
            reader.itemText(item, "a security_opt entry").ifPresent(text -> SecurityOptSyntax.apply(text, item.origin(), container, reader, profiles));
        }
        readMounts(service, container);
        container.networkMode = reader.string(service, "network_mode", origin);
        readNetworks(service, container);
        container.pidMode = reader.string(service, "pid", origin);
        container.ipcMode = reader.string(service, "ipc", origin);
        container.utsMode = reader.string(service, "uts", origin);
        container.usernsMode = reader.string(service, "userns_mode", origin);
        // docker stack deploy ignores `cgroup`: in a stack file it sets nothing
        if (kind == SourceKind.COMPOSE) container.cgroupnsMode = reader.string(service, "cgroup", origin);
        readStrings(service, "volumes_from", container.volumesFrom);
        readStrings(service, "device_cgroup_rules", container.deviceCgroupRules);
        readCommand(service, "entrypoint", container.command);
        readCommand(service, "command", container.command);
        for (ComposeNode item : reader.list(service, "ports", false)) {
            PortSyntax.published(item, reader.diagnostics()).ifPresent(container.ports::add);
        }
        for (ComposeNode item : reader.list(service, "expose", true)) {
            PortSyntax.exposed(item, reader.diagnostics()).ifPresent(container.ports::add);
        }
        readEnvironment(service, container);
        readDevices(service, container);
        readHealthcheck(service, container);
        container.resources = resources(service, deploy, origin);
        service.member("build").ifPresent(build -> container.builtFrom = builds.imageOf(build).orElse(null));

        List<Setting<String>> links = new ArrayList<>();
        readStrings(service, "links", links);
        readStrings(service, "external_links", links);
        return new Workload("service", name, null, kind, origin, service.lastLine(),
                replicas(service, deploy, origin), restartPolicy(service, deploy, origin),
                List.of(container.build()), labels(service), Map.of(),
                deployReader.rollout(deploy, origin), deployReader.scheduling(deploy, origin),
                service.get("depends_on").map(value -> DependencySyntax.read(value, reader)).orElse(List.of()),
                links,
                service.get("extra_hosts").map(value -> ExtraHostSyntax.read(value, reader)).orElse(List.of()),
                Setting.unset(origin), List.of());
    }

    /** A list of strings, each trimmed at its item. */
    private void readStrings(Mapping service, String key, List<Setting<String>> into) {
        for (ComposeNode item : reader.list(service, key, false)) {
            reader.itemText(item, "a " + key + " entry").ifPresent(text -> into.add(Setting.of(text.trim(), item.origin())));
        }
    }

    /** Items kept as written (a string form stays one item, an empty item stays an empty argument); null sets nothing. */
    private void readCommand(Mapping service, String key, List<Setting<String>> into) {
        for (ComposeNode item : reader.list(service, key, true)) {
            if (item instanceof Scalar scalar && scalar.text() != null) {
                into.add(Setting.of(scalar.text(), item.origin()));
            }
        }
    }

    private void readMounts(Mapping service, ContainerBuilder container) {
        for (ComposeNode item : reader.list(service, "volumes", false)) {
            VolumeSyntax.mount(item, reader.diagnostics()).map(this::asMounted).ifPresent(container.mounts::addAll);
        }
        service.get("tmpfs").filter(value -> !(value instanceof Scalar scalar && scalar.isNull()))
                .ifPresent(value -> container.mounts.addAll(VolumeSyntax.tmpfs(value, reader.diagnostics())));
        Setting<Boolean> apiSocket = reader.bool(service, "use_api_socket", container.origin());
        if (apiSocket.isTrue()) {
            // Compose mounts the engine's socket (and the CLI credentials) into the container.
            container.mounts.add(new Mount(Mount.Type.BIND, DOCKER_SOCKET, DOCKER_SOCKET, Setting.unset(apiSocket.origin()), apiSocket.origin()));
        }
        for (ComposeNode item : reader.list(service, "secrets", false)) {
            SecretMountSyntax.mount(item, Mount.Type.SECRET, reader).ifPresent(container.mounts::add);
        }
        for (ComposeNode item : reader.list(service, "configs", false)) {
            SecretMountSyntax.mount(item, Mount.Type.CONFIG, reader).ifPresent(container.mounts::add);
        }
    }

    /** A named volume whose local driver options mount something of the host is also that mount ({@link LocalVolumeMount}). */
    private List<Mount> asMounted(Mount mount) {
        if (mount.type() != Mount.Type.VOLUME || mount.source() == null) return List.of(mount);
        LocalVolumeMount local = localVolumes.get(mount.source());
        return local == null ? List.of(mount) : local.mountsFor(mount);
    }

    private void readNetworks(Mapping service, ContainerBuilder container) {
        Optional<ComposeNode> networks = service.get("networks");
        if (networks.isEmpty()) return;
        switch (networks.get()) {
            case Sequence sequence -> {
                for (ComposeNode item : sequence.items()) {
                    reader.itemText(item, "a network name").ifPresent(text -> container.networks.add(Setting.of(text, item.origin())));
                }
            }
            case Mapping mapping -> {
                for (Member network : mapping.members()) container.networks.add(Setting.of(network.key(), network.keyOrigin()));
            }
            case Scalar scalar when scalar.isNull() -> { }
            default -> reader.error(networks.get().origin(), "'networks' must be a list or a mapping, not " + networks.get().describeType());
        }
    }

    private void readEnvironment(Mapping service, ContainerBuilder container) {
        Optional<ComposeNode> environment = service.get("environment");
        if (environment.isEmpty()) return;
        switch (environment.get()) {
            case Sequence sequence -> {
                for (ComposeNode item : sequence.items()) {
                    if (!(item instanceof Scalar scalar) || scalar.isNull()) {
                        reader.error(item.origin(), "an environment entry must be \"NAME=value\" or \"NAME\", not " + item.describeType());
                        continue;
                    }
                    String text = scalar.text();
                    int equals = text.indexOf('=');
                    String variable = equals < 0 ? text : text.substring(0, equals);
                    if (variable.isBlank()) {
                        reader.error(item.origin(), "the environment entry \"" + text + "\" has no name");
                    } else if (equals < 0) {
                        container.environment.add(new EnvVar(variable, null, EnvVar.ValueSource.REFERENCE, scalar.interpolated(), item.origin()));
                    } else {
                        container.environment.add(EnvVar.literal(variable, text.substring(equals + 1), scalar.interpolated(), item.origin()));
                    }
                }
            }
            case Mapping mapping -> {
                for (Member variable : mapping.members()) {
                    if (!(variable.value() instanceof Scalar scalar)) {
                        reader.error(variable.value().origin(), "the value of " + variable.key() + " must be a single value, not "
                                + variable.value().describeType());
                    } else if (scalar.isNull()) {
                        container.environment.add(new EnvVar(variable.key(), null, EnvVar.ValueSource.REFERENCE, scalar.interpolated(), variable.keyOrigin()));
                    } else {
                        container.environment.add(EnvVar.literal(variable.key(), scalar.text(), scalar.interpolated(), variable.keyOrigin()));
                    }
                }
            }
            case Scalar scalar when scalar.isNull() -> { }
            default -> reader.error(environment.get().origin(), "'environment' must be a list or a mapping, not " + environment.get().describeType());
        }
    }

    private void readDevices(Mapping service, ContainerBuilder container) {
        for (ComposeNode item : reader.list(service, "devices", false)) {
            if (item instanceof Scalar scalar && !scalar.isNull()) {
                container.devices.add(Setting.of(scalar.text(), item.origin()));
            } else if (item instanceof Mapping device) {
                String source = textOf(device, "source");
                String target = textOf(device, "target");
                String permissions = textOf(device, "permissions");
                if (source == null) {
                    reader.error(item.origin(), "a device needs a source");
                    continue;
                }
                String written = source + (target == null ? "" : ":" + target) + (permissions == null ? "" : ":" + permissions);
                container.devices.add(Setting.of(written, item.origin()));
            } else {
                reader.error(item.origin(), "a device must be a string or a mapping, not " + item.describeType());
            }
        }
    }

    /** A healthcheck that only tunes timings leaves the image's check in charge, so it adds no probe. */
    private void readHealthcheck(Mapping service, ContainerBuilder container) {
        Optional<Member> healthcheck = service.member("healthcheck");
        Optional<Mapping> settings = reader.mapping(service, "healthcheck");
        if (healthcheck.isEmpty() || settings.isEmpty()) return;
        boolean disabled = reader.bool(settings.get(), "disable", container.origin()).isTrue()
                || settings.get().get("test").map(ServiceReader::isNoneTest).orElse(false);
        if (disabled || settings.get().member("test").isPresent()) {
            container.probes.add(new Probe(Probe.Kind.HEALTHCHECK, disabled, healthcheck.get().keyOrigin()));
        }
    }

    private static boolean isNoneTest(ComposeNode test) {
        return test instanceof Sequence sequence && !sequence.items().isEmpty()
                && sequence.items().getFirst() instanceof Scalar first && "NONE".equals(first.text());
    }

    /** {@code deploy.resources.limits} win over the service-level {@code mem_limit}, {@code cpus} and {@code pids_limit}, as in Compose. */
    private Resources resources(Mapping service, Optional<Mapping> deploy, Origin origin) {
        Optional<Mapping> limits = deploy.flatMap(settings -> reader.mapping(settings, "resources"))
                .flatMap(resources -> reader.mapping(resources, "limits"));
        Setting<String> memory = limits.map(l -> reader.string(l, "memory", origin)).filter(Setting::isSet)
                .orElseGet(() -> reader.string(service, "mem_limit", origin));
        Setting<String> cpus = limits.map(l -> reader.string(l, "cpus", origin)).filter(Setting::isSet)
                .orElseGet(() -> reader.string(service, "cpus", origin));
        Setting<Long> pids = limits.map(l -> reader.integer(l, "pids", origin)).filter(Setting::isSet)
                .orElseGet(() -> reader.integer(service, "pids_limit", origin));
        return new Resources(memory, cpus, pids);
    }

    private Setting<Integer> replicas(Mapping service, Optional<Mapping> deploy, Origin origin) {
        Setting<Long> replicas = deploy.map(settings -> reader.integer(settings, "replicas", origin)).filter(Setting::isSet)
                .orElseGet(() -> reader.integer(service, "scale", origin));
        if (replicas.isSet() && (replicas.value() < 0 || replicas.value() > Integer.MAX_VALUE)) {
            reader.error(replicas.origin(), "replicas must be between 0 and " + Integer.MAX_VALUE);
            return Setting.unset(origin);
        }
        return replicas.map(Long::intValue);
    }

    /**
     * {@code deploy.restart_policy} wins over {@code restart}, as in Compose; a restart_policy
     * without a condition means the default condition, {@code any}.
     */
    private Setting<String> restartPolicy(Mapping service, Optional<Mapping> deploy, Origin origin) {
        Optional<Member> policy = deploy.flatMap(settings -> settings.member("restart_policy"));
        if (policy.isPresent()) {
            Optional<Mapping> policySettings = reader.mapping(deploy.get(), "restart_policy");
            Setting<String> condition = policySettings.map(settings -> reader.string(settings, "condition", origin)).orElse(Setting.unset(origin));
            if (condition.isSet()) return condition;
            if (policySettings.isPresent()) return Setting.of("any", policy.get().keyOrigin());
        }
        return reader.string(service, "restart", origin);
    }

    private List<KeyValue> labels(Mapping service) {
        Optional<ComposeNode> labels = service.get("labels");
        if (labels.isEmpty()) return List.of();
        List<KeyValue> result = new ArrayList<>();
        switch (labels.get()) {
            case Sequence sequence -> {
                for (ComposeNode item : sequence.items()) {
                    reader.itemText(item, "a label").ifPresent(text -> {
                        int equals = text.indexOf('=');
                        result.add(equals < 0
                                ? new KeyValue(text, "", item.origin())
                                : new KeyValue(text.substring(0, equals), text.substring(equals + 1), item.origin()));
                    });
                }
            }
            case Mapping mapping -> {
                for (Member label : mapping.members()) {
                    if (label.value() instanceof Scalar scalar) {
                        result.add(new KeyValue(label.key(), scalar.isNull() ? "" : scalar.text(), label.keyOrigin()));
                    } else {
                        reader.error(label.value().origin(), "the label " + label.key() + " must have a single value, not " + label.value().describeType());
                    }
                }
            }
            case Scalar scalar when scalar.isNull() -> { }
            default -> reader.error(labels.get().origin(), "'labels' must be a list or a mapping, not " + labels.get().describeType());
        }
        return result;
    }

    private static String textOf(Mapping mapping, String key) {
        return mapping.get(key).filter(Scalar.class::isInstance).map(node -> ((Scalar) node).text()).orElse(null);
    }
}
