package dev.shipshape.load.kubernetes;

import dev.shipshape.model.Setting;

/**
 * What a pod states for all its containers. A null host setting was not written.
 *
 * @param ownerDescription "Deployment 'web'": how container descriptions name the workload
 */
record PodContext(String ownerDescription,
                  Setting<Boolean> hostNetwork,
                  Setting<Boolean> hostPid,
                  Setting<Boolean> hostIpc,
                  Setting<Boolean> hostUsers,
                  SecurityContext security,
                  PodVolumes volumes,
                  ProfileAnnotations annotations) {
}
