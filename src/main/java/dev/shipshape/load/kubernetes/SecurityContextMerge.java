package dev.shipshape.load.kubernetes;

import dev.shipshape.model.ContainerBuilder;
import dev.shipshape.model.SecurityOption;

/**
 * Gives a container the security settings Kubernetes would run it with: the container's own
 * {@code securityContext} wins, then (for what a pod may state) the pod's, then the legacy
 * profile annotations. Each effective value keeps the origin where it is written.
 */
final class SecurityContextMerge {

    private SecurityContextMerge() {
    }

    static void apply(SecurityContext pod, SecurityContext container, ProfileAnnotations annotations,
                      String containerName, ContainerBuilder into) {
        if (container.user() != null) into.user = container.user();
        else if (pod.user() != null) into.user = pod.user();
        if (container.runAsNonRoot() != null) into.runAsNonRoot = container.runAsNonRoot();
        else if (pod.runAsNonRoot() != null) into.runAsNonRoot = pod.runAsNonRoot();

        String name = containerName == null ? "" : containerName;
        add(into, firstWritten(container.seccomp(), annotations.seccompByContainer().get(name),
                pod.seccomp(), annotations.podSeccomp()));
        add(into, firstWritten(container.appArmor(), annotations.appArmorByContainer().get(name), pod.appArmor()));
        // a container's seLinuxOptions replaces the pod's as a whole, as Kubernetes does
        var seLinux = container.seLinux() != null ? container.seLinux() : pod.seLinux();
        if (seLinux != null) into.securityOptions.addAll(seLinux);

        if (container.privileged() != null) into.privileged = container.privileged();
        if (container.noNewPrivileges() != null) into.noNewPrivileges = container.noNewPrivileges();
        if (container.readOnlyRootFilesystem() != null) into.readOnlyRootFilesystem = container.readOnlyRootFilesystem();
        if (container.capabilitiesAdded() != null) into.capabilitiesAdded.addAll(container.capabilitiesAdded());
        if (container.capabilitiesDropped() != null) into.capabilitiesDropped.addAll(container.capabilitiesDropped());
    }

    private static SecurityOption firstWritten(SecurityOption... candidates) {
        for (SecurityOption candidate : candidates) {
            if (candidate != null) return candidate;
        }
        return null;
    }

    private static void add(ContainerBuilder into, SecurityOption option) {
        if (option != null) into.securityOptions.add(option);
    }
}
