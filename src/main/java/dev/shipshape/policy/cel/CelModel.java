package dev.shipshape.policy.cel;

import dev.shipshape.model.Container;
import dev.shipshape.model.DaemonConfig;
import dev.shipshape.model.Dependency;
import dev.shipshape.model.EnvVar;
import dev.shipshape.model.Image;
import dev.shipshape.model.ImageReference;
import dev.shipshape.model.Instruction;
import dev.shipshape.model.KeyValue;
import dev.shipshape.model.Mount;
import dev.shipshape.model.Network;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Port;
import dev.shipshape.model.Probe;
import dev.shipshape.model.Resources;
import dev.shipshape.model.Rollout;
import dev.shipshape.model.Scheduling;
import dev.shipshape.model.SecurityOption;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Stage;
import dev.shipshape.model.Volume;
import dev.shipshape.model.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns model objects into the CEL values {@link CelSchema} describes: maps with the schema's field
 * names, an absent key for an unset setting, {@code Long} for numbers.
 *
 * <p>Each object is converted once and remembered by identity, since every custom rule asks for the
 * same workloads; the memory is dropped when it grows past a bound, so that a long-lived instance
 * (the gate) does not keep old requests alive.
 */
final class CelModel {

    private static final int MAX_REMEMBERED = 20_000;

    private final Map<Object, Map<String, Object>> converted = new IdentityHashMap<>();

    Map<String, Object> workload(Workload workload) {
        return remembered(workload, this::convertWorkload);
    }

    Map<String, Object> container(Container container) {
        return remembered(container, this::convertContainer);
    }

    Map<String, Object> image(Image image) {
        return remembered(image, this::convertImage);
    }

    Map<String, Object> network(Network network) {
        return remembered(network, CelModel::convertNetwork);
    }

    Map<String, Object> volume(Volume volume) {
        return remembered(volume, CelModel::convertVolume);
    }

    Map<String, Object> daemon(DaemonConfig daemon) {
        return remembered(daemon, CelModel::convertDaemon);
    }

    private synchronized <T> Map<String, Object> remembered(T object, Function<T, Map<String, Object>> conversion) {
        Map<String, Object> value = converted.get(object);
        if (value == null) {
            if (converted.size() >= MAX_REMEMBERED) converted.clear();
            value = conversion.apply(object);
            converted.put(object, value);
        }
        return value;
    }

    private Map<String, Object> convertWorkload(Workload workload) {
        Fields fields = new Fields();
        fields.put("kind", workload.kind());
        fields.put("name", workload.name());
        fields.putIfSet("namespace", workload.namespace());
        fields.put("source", sourceName(workload.source()));
        putOrigin(fields, workload.origin());
        fields.put("description", workload.description());
        fields.putIfSet("replicas", number(workload.replicas()));
        fields.putIfSet("restartPolicy", workload.restartPolicy().value());
        fields.put("labels", lastValues(workload.labels()));
        fields.put("podLabels", Map.copyOf(workload.podLabels()));
        List<Object> containers = new ArrayList<>();
        for (Container container : workload.containers()) containers.add(container(container));
        fields.put("containers", containers);
        fields.put("rollout", rollout(workload.rollout()));
        fields.put("scheduling", scheduling(workload.scheduling()));
        List<Object> dependencies = new ArrayList<>();
        for (Dependency dependency : workload.dependencies()) dependencies.add(dependency(dependency));
        fields.put("dependencies", dependencies);
        fields.put("links", values(workload.links()));
        fields.put("extraHosts", values(workload.extraHosts()));
        fields.putIfSet("serviceName", workload.serviceName().value());
        fields.put("claimTemplates", values(workload.claimTemplates()));
        return fields.done();
    }

    private Map<String, Object> convertContainer(Container container) {
        Fields fields = new Fields();
        fields.put("name", container.name());
        fields.put("description", container.description());
        fields.put("init", container.init());
        putOrigin(fields, container.origin());
        fields.putIfSet("image", container.image().value());
        if (container.image().isSet()) {
            ImageReference.parse(container.image().value()).ifPresent(reference -> fields.put("imageRef", imageRef(reference)));
        }
        fields.putIfSet("user", container.user().value());
        fields.putIfSet("runAsNonRoot", container.runAsNonRoot().value());
        fields.putIfSet("privileged", container.privileged().value());
        fields.put("capabilitiesAdded", values(container.capabilitiesAdded()));
        fields.put("capabilitiesDropped", values(container.capabilitiesDropped()));
        fields.putIfSet("noNewPrivileges", container.noNewPrivileges().value());
        fields.putIfSet("readOnlyRootFilesystem", container.readOnlyRootFilesystem().value());
        List<Object> options = new ArrayList<>();
        for (SecurityOption option : container.securityOptions()) options.add(securityOption(option));
        fields.put("securityOptions", options);
        List<Object> mounts = new ArrayList<>();
        for (Mount mount : container.mounts()) mounts.add(mount(mount));
        fields.put("mounts", mounts);
        fields.putIfSet("networkMode", container.networkMode().value());
        fields.put("networks", values(container.networks()));
        fields.putIfSet("pidMode", container.pidMode().value());
        fields.putIfSet("ipcMode", container.ipcMode().value());
        fields.putIfSet("utsMode", container.utsMode().value());
        fields.putIfSet("usernsMode", container.usernsMode().value());
        fields.putIfSet("cgroupnsMode", container.cgroupnsMode().value());
        fields.put("volumesFrom", values(container.volumesFrom()));
        List<Object> ports = new ArrayList<>();
        for (Port port : container.ports()) ports.add(port(port));
        fields.put("ports", ports);
        fields.put("env", environment(container.environment()));
        fields.put("devices", values(container.devices()));
        fields.put("deviceCgroupRules", values(container.deviceCgroupRules()));
        List<Object> probes = new ArrayList<>();
        for (Probe probe : container.probes()) probes.add(probe(probe));
        fields.put("probes", probes);
        fields.put("resources", resources(container.resources()));
        container.builtFrom().ifPresent(image -> fields.put("builtFrom", image(image)));
        return fields.done();
    }

    private Map<String, Object> convertImage(Image image) {
        Fields fields = new Fields();
        fields.put("file", image.file());
        Stage last = image.finalStage();
        fields.put("line", (long) last.origin().line());
        fields.put("baseImage", last.baseImage());
        fields.putIfSet("user", image.user().value());
        image.healthcheck().ifPresent(probe -> fields.put("healthcheck", probe(probe)));
        fields.put("exposedPorts", values(image.exposedPorts()));
        fields.put("volumes", values(image.volumes()));
        fields.put("labels", lastValues(image.labels()));
        fields.put("env", environment(image.environment()));
        fields.put("args", environment(image.args()));
        fields.put("globalArgs", environment(image.globalArgs()));
        List<Object> stages = new ArrayList<>();
        for (int index = 0; index < image.stages().size(); index++) stages.add(stage(index, image.stages().get(index)));
        fields.put("stages", stages);
        return fields.done();
    }

    private static Map<String, Object> convertNetwork(Network network) {
        Fields fields = new Fields();
        fields.put("name", network.name());
        fields.put("source", sourceName(network.source()));
        putOrigin(fields, network.origin());
        fields.putIfSet("driver", network.driver().value());
        fields.put("driverOptions", lastValues(network.driverOptions()));
        fields.put("external", network.external());
        fields.putIfSet("internal", network.internal().value());
        return fields.done();
    }

    private static Map<String, Object> convertVolume(Volume volume) {
        Fields fields = new Fields();
        fields.put("name", volume.name());
        fields.put("source", sourceName(volume.source()));
        putOrigin(fields, volume.origin());
        fields.putIfSet("driver", volume.driver().value());
        fields.put("driverOptions", lastValues(volume.driverOptions()));
        fields.put("external", volume.external());
        return fields.done();
    }

    private static Map<String, Object> convertDaemon(DaemonConfig daemon) {
        Fields fields = new Fields();
        putOrigin(fields, daemon.origin());
        fields.put("hosts", values(daemon.hosts()));
        fields.putIfSet("tls", daemon.tls().value());
        fields.putIfSet("tlsVerify", daemon.tlsVerify().value());
        fields.putIfSet("usernsRemap", daemon.usernsRemap().value());
        fields.putIfSet("icc", daemon.icc().value());
        fields.putIfSet("noNewPrivileges", daemon.noNewPrivileges().value());
        fields.putIfSet("liveRestore", daemon.liveRestore().value());
        fields.put("authorizationPlugins", values(daemon.authorizationPlugins()));
        return fields.done();
    }

    private static Map<String, Object> imageRef(ImageReference reference) {
        Fields fields = new Fields();
        fields.put("registry", reference.registry());
        fields.put("repository", reference.repository());
        fields.put("name", reference.name());
        fields.put("familiarName", reference.familiarName());
        fields.putIfSet("tag", reference.tag());
        fields.putIfSet("digest", reference.digest());
        return fields.done();
    }

    private static Map<String, Object> securityOption(SecurityOption option) {
        Fields fields = new Fields();
        fields.put("kind", keyword(option.kind().name()));
        fields.put("value", option.value() == null ? "" : option.value());
        fields.put("unconfined", option.isUnconfined());
        return fields.done();
    }

    private static Map<String, Object> mount(Mount mount) {
        Fields fields = new Fields();
        fields.put("type", keyword(mount.type().name()));
        fields.putIfSet("source", mount.source());
        fields.put("target", mount.target() == null ? "" : mount.target());
        fields.putIfSet("readOnly", mount.readOnly().value());
        fields.putIfSet("sizeLimit", mount.sizeLimit().value());
        fields.put("hostPath", mount.isHostPath());
        return fields.done();
    }

    private static Map<String, Object> port(Port port) {
        Fields fields = new Fields();
        fields.put("containerPort", port.containerPort() == null ? "" : port.containerPort());
        fields.put("protocol", port.protocol() == null ? "tcp" : port.protocol());
        fields.put("published", port.isPublished());
        fields.putIfSet("hostPort", port.hostPort());
        fields.putIfSet("hostIp", port.hostIp().value());
        fields.putIfSet("name", port.name());
        return fields.done();
    }

    private static List<Object> environment(List<EnvVar> variables) {
        List<Object> converted = new ArrayList<>(variables.size());
        for (EnvVar variable : variables) {
            Fields fields = new Fields();
            fields.put("name", variable.name());
            fields.putIfSet("value", variable.value());
            fields.put("source", keyword(variable.valueSource().name()));
            fields.put("interpolated", variable.interpolated());
            converted.add(fields.done());
        }
        return converted;
    }

    private static Map<String, Object> probe(Probe probe) {
        Fields fields = new Fields();
        fields.put("kind", keyword(probe.kind().name()));
        fields.put("disabled", probe.disabled());
        return fields.done();
    }

    private static Map<String, Object> resources(Resources resources) {
        Fields fields = new Fields();
        fields.putIfSet("memoryLimit", resources.memoryLimit().value());
        fields.putIfSet("cpuLimit", resources.cpuLimit().value());
        fields.putIfSet("pidsLimit", resources.pidsLimit().value());
        return fields.done();
    }

    private static Map<String, Object> rollout(Rollout rollout) {
        Fields fields = new Fields();
        fields.putIfSet("strategy", rollout.strategy().value());
        fields.putIfSet("maxUnavailable", rollout.maxUnavailable().value());
        fields.putIfSet("order", rollout.order().value());
        fields.putIfSet("failureAction", rollout.failureAction().value());
        return fields.done();
    }

    private static Map<String, Object> scheduling(Scheduling scheduling) {
        Fields fields = new Fields();
        fields.putIfSet("mode", scheduling.mode().value());
        fields.put("podAntiAffinity", scheduling.podAntiAffinity());
        fields.put("topologySpread", scheduling.topologySpread());
        fields.put("placementPreferences", values(scheduling.placementPreferences()));
        fields.put("placementConstraints", values(scheduling.placementConstraints()));
        return fields.done();
    }

    private static Map<String, Object> dependency(Dependency dependency) {
        Fields fields = new Fields();
        fields.put("service", dependency.service());
        fields.putIfSet("condition", dependency.condition().value());
        return fields.done();
    }

    private static Map<String, Object> stage(int index, Stage stage) {
        Fields fields = new Fields();
        fields.put("index", (long) index);
        fields.putIfSet("name", stage.name());
        fields.put("baseImage", stage.baseImage() == null ? "" : stage.baseImage());
        fields.put("line", (long) stage.origin().line());
        List<Object> instructions = new ArrayList<>();
        for (Instruction instruction : stage.instructions()) {
            Fields written = new Fields();
            written.put("keyword", instruction.keyword());
            written.put("arguments", instruction.arguments() == null ? "" : instruction.arguments());
            if (instruction.isExecForm()) written.put("execForm", List.copyOf(instruction.execForm()));
            written.put("flags", Map.copyOf(instruction.flags()));
            written.put("onbuild", instruction.onbuild());
            written.put("line", (long) instruction.origin().line());
            instructions.add(written.done());
        }
        fields.put("instructions", instructions);
        return fields.done();
    }

    private static void putOrigin(Fields fields, Origin origin) {
        fields.put("file", origin.source());
        fields.put("line", (long) origin.line());
    }

    private static String sourceName(SourceKind kind) {
        return kind == null ? "" : keyword(kind.name());
    }

    /** An enum constant as the schema writes it: HOST_PATH is host-path. */
    private static String keyword(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Long number(Setting<? extends Number> setting) {
        return setting.isSet() ? setting.value().longValue() : null;
    }

    private static List<Object> values(List<? extends Setting<?>> settings) {
        List<Object> values = new ArrayList<>(settings.size());
        for (Setting<?> setting : settings) {
            if (setting.isSet()) values.add(setting.value().toString());
        }
        return values;
    }

    private static Map<String, Object> lastValues(List<KeyValue> entries) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (KeyValue entry : entries) map.put(entry.key(), entry.value() == null ? "" : entry.value());
        return map;
    }

    /** A CEL object under construction: an unset field is left out, never stored as null. */
    private static final class Fields {
        private final Map<String, Object> values = new HashMap<>();

        void put(String name, Object value) {
            values.put(name, value);
        }

        void putIfSet(String name, Object value) {
            if (value != null) values.put(name, value instanceof Integer integer ? integer.longValue() : value);
        }

        Map<String, Object> done() {
            return values;
        }
    }
}
