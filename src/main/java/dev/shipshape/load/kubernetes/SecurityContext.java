package dev.shipshape.load.kubernetes;

import dev.shipshape.model.SecurityOption;
import dev.shipshape.model.Setting;
import java.util.List;

/**
 * A pod's or a container's {@code securityContext} as written. A null component was not written
 * (and so inherits, or stays unset); a pod-level context leaves the container-only components null.
 *
 * @param user            {@code runAsUser} as a decimal string
 * @param noNewPrivileges from {@code allowPrivilegeEscalation}, inverted
 * @param seLinux         one option per {@code seLinuxOptions} field ("type:spc_t"), null when not written
 * @param capabilitiesAdded   null when {@code capabilities.add} is not written
 * @param capabilitiesDropped null when {@code capabilities.drop} is not written
 */
record SecurityContext(
        Setting<String> user,
        Setting<Boolean> runAsNonRoot,
        SecurityOption seccomp,
        SecurityOption appArmor,
        List<SecurityOption> seLinux,
        Setting<Boolean> privileged,
        Setting<Boolean> noNewPrivileges,
        List<Setting<String>> capabilitiesAdded,
        List<Setting<String>> capabilitiesDropped,
        Setting<Boolean> readOnlyRootFilesystem) {

    static final SecurityContext NONE = new SecurityContext(null, null, null, null, null, null, null, null, null, null);
}
