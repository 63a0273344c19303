package dev.shipshape.gate.observe;

import dev.shipshape.model.Container;
import dev.shipshape.model.Port;
import dev.shipshape.model.SecurityOption;
import dev.shipshape.model.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The security-relevant settings of one container, in one canonical form, so that the gate's
 * model of a request and what the daemon stored for it can be compared field by field.
 *
 * <p>Built from the model by {@link #of}, it shows the model <em>as it is</em>: a user {@code +0}
 * stays {@code +0}, because the model is only right when it already holds what the runtime will
 * act on. Only spellings that mean the same to the daemon are made one: an unset setting and the
 * daemon's default ({@link #ipcMode(String)}, {@link #networkMode(String)}), the order of lists.
 *
 * @param user           the user as the model holds it; "" when unset (the image decides)
 * @param securityOptions seccomp, AppArmor and SELinux settings as {@code seccomp=…}, {@code apparmor=…},
 *                       {@code label=…}; any other option as written; sorted
 * @param systemPaths    {@code default}, {@code unconfined} when /proc and /sys are not masked, or the
 *                       paths left unmasked or writable (the model's {@link SecurityOption.Kind#SYSTEM_PATHS})
 * @param usernsMode     "" (the daemon's default) or the mode stated, such as host
 * @param cgroupnsMode   "" (the daemon's default) or the mode stated, host or private
 * @param volumesFrom    the containers whose volumes it mounts too, as written ({@code NAME[:ro|rw]}); sorted
 * @param devices        {@code host:container:permissions}, and device cgroup rules ({@link #deviceCgroupRule}); sorted
 * @param ports          published ports as {@code hostIp:hostPort->port/protocol}; sorted
 */
public record ContainerSummary(
        boolean privileged,
        String user,
        List<String> capabilitiesAdded,
        List<String> capabilitiesDropped,
        boolean readOnlyRootFilesystem,
        boolean noNewPrivileges,
        List<String> securityOptions,
        String systemPaths,
        List<MountSummary> mounts,
        String networkMode,
        String pidMode,
        String ipcMode,
        String utsMode,
        String usernsMode,
        String cgroupnsMode,
        List<String> volumesFrom,
        List<String> devices,
        List<String> ports) {

    public ContainerSummary {
        capabilitiesAdded = sorted(capabilitiesAdded);
        capabilitiesDropped = sorted(capabilitiesDropped);
        securityOptions = sorted(securityOptions);
        mounts = mounts.stream().sorted().toList();
        volumesFrom = sorted(volumesFrom);
        devices = sorted(devices);
        ports = sorted(ports);
    }

    public static ContainerSummary of(Container container) {
        List<String> options = new ArrayList<>();
        String systemPaths = "default";
        for (SecurityOption option : container.securityOptions()) {
            String value = option.value() == null ? "" : option.value();
            switch (option.kind()) {
                case SECCOMP -> options.add("seccomp=" + value);
                case APPARMOR -> options.add("apparmor=" + value);
                case SELINUX -> options.add("label=" + value);
                case NO_NEW_PRIVILEGES -> {
                    // stated by noNewPrivileges
                }
                case SYSTEM_PATHS -> {
                    if (!value.isBlank()) systemPaths = value.strip();
                }
                case OTHER -> options.add(value);
            }
        }
        List<String> devices = new ArrayList<>(values(container.devices()));
        values(container.deviceCgroupRules()).forEach(rule -> devices.add(deviceCgroupRule(rule)));
        return new ContainerSummary(
                container.privileged().isTrue(),
                text(container.user()),
                values(container.capabilitiesAdded()),
                values(container.capabilitiesDropped()),
                container.readOnlyRootFilesystem().isTrue(),
                container.noNewPrivileges().isTrue(),
                options,
                systemPaths,
                container.mounts().stream().map(MountSummary::of).toList(),
                networkMode(text(container.networkMode())),
                text(container.pidMode()),
                ipcMode(text(container.ipcMode())),
                text(container.utsMode()),
                text(container.usernsMode()),
                text(container.cgroupnsMode()),
                values(container.volumesFrom()),
                devices,
                container.ports().stream().filter(Port::isPublished).map(ContainerSummary::port).toList());
    }

    /** A device cgroup rule among the devices: {@code c 1:1 rwm (device cgroup rule)}. */
    public static String deviceCgroupRule(String rule) {
        return rule + " (device cgroup rule)";
    }

    /** {@code 127.0.0.1:8080->80/tcp}; an unset host IP is "". */
    public static String port(String hostIp, String hostPort, String containerPort, String protocol) {
        return hostIp + ":" + hostPort + "->" + containerPort + "/" + protocol.toLowerCase(Locale.ROOT);
    }

    private static String port(Port port) {
        return port(port.hostIp().orElse(""), port.hostPort(), port.containerPort(), port.protocol());
    }

    /** The daemon stores no IPC mode, "" or "private" for the same thing: a private namespace. */
    public static String ipcMode(String mode) {
        return mode.isEmpty() || mode.equals("private") ? "private" : mode;
    }

    /** No network mode and "default" are the default bridge on Linux. */
    public static String networkMode(String mode) {
        return mode.isEmpty() || mode.equals("default") ? "bridge" : mode;
    }

    private static String text(Setting<String> setting) {
        return setting.orElse("");
    }

    private static List<String> values(List<Setting<String>> settings) {
        return settings.stream().filter(Setting::isSet).map(Setting::value).toList();
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }
}
