package dev.shipshape.load.kubernetes;

import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.model.Container;
import dev.shipshape.model.ContainerBuilder;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Probe;
import dev.shipshape.model.Resources;
import dev.shipshape.model.SecurityOption;
import dev.shipshape.model.Setting;
import java.util.List;
import java.util.Optional;

/** Reads one item of a pod's {@code containers}, {@code initContainers} or {@code ephemeralContainers}. */
final class ContainerReader {

    private static final String UNNAMED = "<unnamed>";

    private final Problems problems;
    private final SecurityContextReader securityContexts;
    private final PortReader ports;
    private final EnvironmentReader environment;
    private final VolumeMountReader volumeMounts;

    ContainerReader(Problems problems) {
        this.problems = problems;
        this.securityContexts = new SecurityContextReader(problems);
        this.ports = new PortReader(problems);
        this.environment = new EnvironmentReader(problems);
        this.volumeMounts = new VolumeMountReader(problems);
    }

    Optional<Container> read(YamlNode item, ContainerRole role, PodContext pod) {
        return read(item, role, pod, null);
    }

    /** @param defaultName the name of a container that states none (Argo's "main"); null when a name is required */
    Optional<Container> read(YamlNode item, ContainerRole role, PodContext pod, String defaultName) {
        Optional<Fields> container = Fields.ofItem(item, "an item of '" + role.listKey() + "'", problems);
        if (container.isEmpty()) return Optional.empty();
        Fields fields = container.get();

        Optional<Setting<String>> written = fields.text("name");
        if (written.isEmpty() && defaultName == null) problems.warn(item.origin(), "a " + role.label() + " without a 'name'");
        String name = written.map(Setting::value).orElse(defaultName == null ? UNNAMED : defaultName);
        Origin origin = written.map(Setting::origin).orElse(item.origin());
        ContainerBuilder builder = Container.builder(name,
                role.label() + " '" + name + "' in " + pod.ownerDescription(), role.init(), origin);
        builder.ephemeral = role == ContainerRole.EPHEMERAL;

        fields.text("image").ifPresent(image -> builder.image = image);
        SecurityContextMerge.apply(pod.security(), securityContexts.readContainer(fields.mapping("securityContext")),
                pod.annotations(), written.map(Setting::value).orElse(null), builder);
        if (isTrue(pod.hostNetwork())) builder.networkMode = Setting.of("host", pod.hostNetwork().origin());
        if (isTrue(pod.hostPid())) builder.pidMode = Setting.of("host", pod.hostPid().origin());
        if (isTrue(pod.hostIpc())) builder.ipcMode = Setting.of("host", pod.hostIpc().origin());
        if (pod.hostUsers() != null) {
            builder.usernsMode = Setting.of(pod.hostUsers().value() ? "host" : "private", pod.hostUsers().origin());
        }
        fields.mapping("securityContext").flatMap(context -> context.text("procMount"))
                .filter(procMount -> procMount.value().equals("Unmasked"))
                .ifPresent(procMount -> builder.securityOptions.add(new SecurityOption(SecurityOption.Kind.SYSTEM_PATHS,
                        "/proc (procMount: Unmasked)", procMount.origin())));

        for (String key : List.of("command", "args")) {
            for (YamlNode word : fields.list(key)) word.text().ifPresent(text -> builder.command.add(Setting.of(text, word.origin())));
        }
        ports.read(fields.list("ports"), builder.ports);
        environment.read(fields, builder.environment);
        volumeMounts.read(fields.list("volumeMounts"), pod.volumes(), builder.mounts);
        readProbe(fields, "readinessProbe", Probe.Kind.READINESS, builder);
        readProbe(fields, "livenessProbe", Probe.Kind.LIVENESS, builder);
        readProbe(fields, "startupProbe", Probe.Kind.STARTUP, builder);
        readLimits(fields, builder);
        return Optional.of(builder.build());
    }

    private static boolean isTrue(Setting<Boolean> setting) {
        return setting != null && setting.isTrue();
    }

    private static void readProbe(Fields container, String key, Probe.Kind kind, ContainerBuilder into) {
        container.mapping(key).ifPresent(probe -> into.probes.add(new Probe(kind, false, container.entry(key).orElseThrow().origin())));
    }

    private static void readLimits(Fields container, ContainerBuilder into) {
        Optional<Fields> resources = container.mapping("resources");
        if (resources.isEmpty()) return;
        Optional<Fields> limits = resources.get().mapping("limits");
        Optional<Fields> requests = resources.get().mapping("requests");
        Origin owner = into.origin();
        into.resources = new Resources(
                limits.flatMap(fields -> fields.text("memory")).orElse(Setting.unset(owner)),
                limits.flatMap(fields -> fields.text("cpu")).orElse(Setting.unset(owner)),
                Setting.unset(owner),
                requests.flatMap(fields -> fields.text("memory")).orElse(Setting.unset(owner)),
                requests.flatMap(fields -> fields.text("cpu")).orElse(Setting.unset(owner)));
    }
}
