package dev.shipshape.load.gate;

import dev.shipshape.model.ContainerBuilder;
import dev.shipshape.model.Setting;
import java.util.List;
import java.util.Locale;

/**
 * Capability names as the engine understands them, whatever a client wrote: {@code net_admin},
 * {@code CAP_NET_ADMIN} and {@code NET_ADMIN} are one capability, so a policy, a custom rule or a
 * decision log never sees three.
 */
final class Capabilities {

    private Capabilities() {
    }

    /** {@code NET_ADMIN}; {@code ALL} stays {@code ALL}. */
    static String normalized(String written) {
        String upper = written.strip().toUpperCase(Locale.ROOT);
        return upper.startsWith("CAP_") ? upper.substring("CAP_".length()) : upper;
    }

    static void normalize(ContainerBuilder container) {
        normalize(container.capabilitiesAdded);
        normalize(container.capabilitiesDropped);
    }

    private static void normalize(List<Setting<String>> capabilities) {
        capabilities.replaceAll(capability -> capability.map(Capabilities::normalized));
    }
}
