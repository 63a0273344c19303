package dev.shipshape.load.docker;

import static dev.shipshape.load.docker.EngineJson.at;
import static dev.shipshape.load.docker.EngineJson.isTrue;
import static dev.shipshape.load.docker.EngineJson.items;
import static dev.shipshape.load.docker.EngineJson.number;
import static dev.shipshape.load.docker.EngineJson.stringMap;
import static dev.shipshape.load.docker.EngineJson.strings;
import static dev.shipshape.load.docker.EngineJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipshape.model.Container;
import dev.shipshape.model.ContainerBuilder;
import dev.shipshape.model.EnvVar;
import dev.shipshape.model.KeyValue;
import dev.shipshape.model.LocalVolumeMount;
import dev.shipshape.model.Mount;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Port;
import dev.shipshape.model.Probe;
import dev.shipshape.model.Resources;
import dev.shipshape.model.Rollout;
import dev.shipshape.model.Scheduling;
import dev.shipshape.model.SecurityOption;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Swarm service ({@code GET /services}) as a workload of kind "service" whose one container is
 * its task template's {@code ContainerSpec}. Swarm has no privileged flag; its {@code Privileges}
 * map onto the same security options as a container's. Origins are the service as a live object,
 * {@code service api (nlph6dmf3k4h)}.
 */
final class ServiceReader {

    private final Map<String, String> networkNamesById;

    ServiceReader(Map<String, String> networkNamesById) {
        this.networkNamesById = Map.copyOf(networkNamesById);
    }

    ContainerReader.Read read(JsonNode service) {
        JsonNode spec = service.path("Spec");
        String name = text(spec, "Name") != null ? text(spec, "Name") : ContainerReader.shortId(text(service, "ID"));
        Origin origin = Origin.live("service " + name + " (" + ContainerReader.shortId(text(service, "ID")) + ")");
        JsonNode task = spec.path("TaskTemplate");
        JsonNode containerSpec = task.path("ContainerSpec");
        ContainerBuilder container = Container.builder(name, "service '" + name + "'", false, origin);

        String image = text(containerSpec, "Image");
        if (image != null) container.image = Setting.of(image, origin);
        String user = text(containerSpec, "User");
        if (user != null) container.user = Setting.of(user, origin);
        container.readOnlyRootFilesystem = Setting.of(isTrue(containerSpec, "ReadOnly"), origin);
        strings(containerSpec, "CapabilityAdd").forEach(capability -> container.capabilitiesAdded.add(Setting.of(capability, origin)));
        strings(containerSpec, "CapabilityDrop").forEach(capability -> container.capabilitiesDropped.add(Setting.of(capability, origin)));
        readPrivileges(containerSpec.path("Privileges"), origin, container);
        // a service states only what replaces the image's: Command (its entrypoint) and Args (its command)
        for (String field : List.of("Command", "Args")) {
            items(containerSpec, field).stream().filter(JsonNode::isTextual)
                    .forEach(item -> container.command.add(Setting.of(item.asText(), origin)));
        }

        for (JsonNode mount : items(containerSpec, "Mounts")) {
            String target = text(mount, "Target");
            if (target == null) continue;
            // Swarm takes a mount type in any case ("BIND")
            Mount.Type type = switch (String.valueOf(text(mount, "Type")).toLowerCase(Locale.ROOT)) {
                case "bind" -> Mount.Type.BIND;
                case "volume" -> Mount.Type.VOLUME;
                case "tmpfs" -> Mount.Type.TMPFS;
                default -> Mount.Type.OTHER;
            };
            long tmpfsSize = number(mount, "TmpfsOptions", "SizeBytes");
            Mount read = new Mount(type, type == Mount.Type.TMPFS ? null : text(mount, "Source"), target,
                    Setting.of(isTrue(mount, "ReadOnly"), origin), origin,
                    tmpfsSize > 0 ? Setting.of(Long.toString(tmpfsSize), origin) : Setting.unset(origin));
            JsonNode driverConfig = mount.path("VolumeOptions").path("DriverConfig");
            container.mounts.addAll(type == Mount.Type.VOLUME && driverConfig.isObject()
                    ? LocalVolumeMount.of(text(driverConfig, "Name"), stringMap(driverConfig, "Options")).mountsFor(read)
                    : List.of(read));
        }
        for (JsonNode network : items(task, "Networks")) {
            String target = text(network, "Target");
            if (target != null) container.networks.add(Setting.of(networkNamesById.getOrDefault(target, target), origin));
        }
        for (JsonNode port : items(spec, "EndpointSpec", "Ports")) {
            long published = number(port, "PublishedPort");
            String protocol = text(port, "Protocol");
            container.ports.add(new Port(Setting.unset(origin), published > 0 ? Long.toString(published) : "",
                    Long.toString(number(port, "TargetPort")), protocol == null ? "tcp" : protocol, origin));
        }
        for (String variable : strings(containerSpec, "Env")) {
            int equals = variable.indexOf('=');
            container.environment.add(equals < 0
                    ? new EnvVar(variable, null, EnvVar.ValueSource.REFERENCE, false, origin)
                    : EnvVar.literal(variable.substring(0, equals), variable.substring(equals + 1), false, origin));
        }
        JsonNode healthcheck = at(containerSpec, "Healthcheck");
        if (healthcheck != null && healthcheck.isObject()) {
            List<String> test = strings(healthcheck, "Test");
            container.probes.add(new Probe(Probe.Kind.HEALTHCHECK, !test.isEmpty() && test.getFirst().equals("NONE"), origin));
        }
        long memory = number(task, "Resources", "Limits", "MemoryBytes");
        long nanoCpus = number(task, "Resources", "Limits", "NanoCPUs");
        long pids = number(task, "Resources", "Limits", "Pids");
        container.resources = new Resources(
                memory > 0 ? Setting.of(Long.toString(memory), origin) : Setting.unset(origin),
                nanoCpus > 0 ? Setting.of(ContainerReader.cpus(nanoCpus, 1_000_000_000L), origin) : Setting.unset(origin),
                pids > 0 ? Setting.of(pids, origin) : Setting.unset(origin));

        Map<String, String> labels = stringMap(spec, "Labels");
        List<KeyValue> labelEntries = labels.entrySet().stream()
                .map(label -> new KeyValue(label.getKey(), label.getValue(), origin)).toList();
        // Swarm restarts a service's tasks on any exit unless its spec says otherwise
        String condition = text(task, "RestartPolicy", "Condition") == null ? "any" : text(task, "RestartPolicy", "Condition");
        Workload workload = new Workload("service", name, null, SourceKind.LIVE_DOCKER, origin, 0,
                replicas(spec, origin), Setting.of(condition, origin),
                List.of(container.build()), labelEntries, Map.of(),
                rollout(spec, origin), scheduling(spec, task, origin), List.of(), List.of(),
                strings(containerSpec, "Hosts").stream().map(entry -> Setting.of(entry, origin)).toList(),
                Setting.unset(origin), List.of());
        return new ContainerReader.Read(workload, SuppressionLabels.of(labels, origin));
    }

    private static void readPrivileges(JsonNode privileges, Origin origin, ContainerBuilder container) {
        if (isTrue(privileges, "NoNewPrivileges")) container.noNewPrivileges = Setting.of(true, origin);
        if ("unconfined".equals(text(privileges, "Seccomp", "Mode"))) {
            container.securityOptions.add(new SecurityOption(SecurityOption.Kind.SECCOMP, "unconfined", origin));
        } else if ("custom".equals(text(privileges, "Seccomp", "Mode"))) {
            customSeccompProfile(privileges.path("Seccomp").path("Profile"))
                    .ifPresent(profile -> container.securityOptions.add(new SecurityOption(SecurityOption.Kind.SECCOMP, profile, origin)));
        }
        if ("disabled".equals(text(privileges, "AppArmor", "Mode"))) {
            container.securityOptions.add(new SecurityOption(SecurityOption.Kind.APPARMOR, "unconfined", origin));
        }
        if (isTrue(privileges, "SELinuxContext", "Disable")) {
            container.securityOptions.add(new SecurityOption(SecurityOption.Kind.SELINUX, "disable", origin));
        }
        String seLinuxType = text(privileges, "SELinuxContext", "Type");
        if (seLinuxType != null && !seLinuxType.isEmpty()) {
            container.securityOptions.add(new SecurityOption(SecurityOption.Kind.SELINUX, "type:" + seLinuxType, origin));
        }
    }

    /** A custom profile's JSON: Go's encoding/json writes the []byte {@code Profile} in base64. */
    private static Optional<String> customSeccompProfile(JsonNode profile) {
        if (!profile.isTextual()) return Optional.empty();
        try {
            return Optional.of(new String(Base64.getDecoder().decode(profile.asText()),
                    StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static Setting<Integer> replicas(JsonNode spec, Origin origin) {
        JsonNode replicas = at(spec, "Mode", "Replicated", "Replicas");
        return replicas != null && replicas.isNumber() ? Setting.of(replicas.intValue(), origin) : Setting.unset(origin);
    }

    private static Rollout rollout(JsonNode spec, Origin origin) {
        JsonNode update = at(spec, "UpdateConfig");
        if (update == null || !update.isObject()) return Rollout.unset(origin);
        String order = text(update, "Order");
        String failureAction = text(update, "FailureAction");
        return new Rollout(Setting.of("rolling", origin), Setting.unset(origin),
                order == null ? Setting.unset(origin) : Setting.of(order, origin),
                failureAction == null ? Setting.unset(origin) : Setting.of(failureAction, origin));
    }

    private static Scheduling scheduling(JsonNode spec, JsonNode task, Origin origin) {
        String mode = at(spec, "Mode", "Global") != null ? "global"
                : at(spec, "Mode", "Replicated") != null ? "replicated" : null;
        List<Setting<String>> preferences = new ArrayList<>();
        for (JsonNode preference : items(task, "Placement", "Preferences")) {
            String descriptor = text(preference, "Spread", "SpreadDescriptor");
            if (descriptor != null) preferences.add(Setting.of("spread=" + descriptor, origin));
        }
        List<Setting<String>> constraints = strings(task, "Placement", "Constraints").stream()
                .map(constraint -> Setting.of(constraint, origin)).toList();
        return new Scheduling(mode == null ? Setting.unset(origin) : Setting.of(mode, origin), false, false, preferences, constraints);
    }
}
