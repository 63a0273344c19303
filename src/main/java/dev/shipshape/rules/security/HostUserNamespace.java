package dev.shipshape.rules.security;

import dev.shipshape.model.Container;
import dev.shipshape.model.DaemonConfig;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.InventoryRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.List;
import java.util.stream.Stream;

/**
 * Flags containers that keep the host's user namespace on a daemon that remaps users
 * ({@code userns_mode: host}, {@code --userns host}). High when the daemon remaps or nothing in
 * the run says it does not (a single request, a Compose file alone: the option exists only for
 * remapped daemons); medium when every daemon the run sees leaves remapping off, since there the
 * container shares the host's user namespace anyway ({@link DaemonUsernsRemapDisabled}'s finding).
 * Kubernetes pods share it unless {@code hostUsers: false}; that is not reported here, and
 * {@code docker stack deploy} ignores {@code userns_mode}.
 */
public final class HostUserNamespace implements InventoryRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-125", "host-user-namespace")
            .pillar(Pillar.SECURITY)
            .severity(Severity.HIGH)
            .title("Container keeps the host's user namespace on a remapping daemon")
            .rationale("""
                    With `userns-remap`, root in a container is an unprivileged uid on the host; \
                    `userns_mode: host` opts one container out, so its root is the host's root again and \
                    every escape, writable host path or socket is a root escape. It is reported at high \
                    unless the run shows that the daemon does not remap users (then at medium).""")
            .remediation("Remove `userns_mode: host` (Compose) or `--userns host` (docker run), and `UsernsMode` from "
                    + "API requests; give the container the few host files it needs as volumes owned by its remapped uid.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.LIVE_DOCKER)
            .references(Reference.cisDocker("5.31"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Inventory inventory) {
        boolean knownNotRemapped = !inventory.daemons().isEmpty()
                && inventory.daemons().stream().map(DaemonConfig::usernsRemap).allMatch(HostUserNamespace::isOff);
        return inventory.workloads().stream()
                .filter(workload -> workload.source() != SourceKind.KUBERNETES && workload.source() != SourceKind.STACK)
                .flatMap(workload -> findings(workload, knownNotRemapped));
    }

    private static Stream<Finding> findings(Workload workload, boolean knownNotRemapped) {
        List<Finding> findings = new java.util.ArrayList<>();
        for (Container container : workload.containers()) {
            Setting<String> mode = container.usernsMode();
            if (!mode.isSet() || !mode.value().strip().equals("host")) continue;
            Finding finding = Finding.of(INFO, mode.origin(), knownNotRemapped
                    ? container.description() + " keeps the host's user namespace (userns_mode: host); "
                            + "the daemon does not remap users, so its root is the host's root either way"
                    : container.description() + " keeps the host's user namespace (userns_mode: host): "
                            + "on a daemon that remaps users its root is the host's root again");
            findings.add(knownNotRemapped ? finding.withSeverity(Severity.MEDIUM) : finding);
        }
        return findings.stream();
    }

    private static boolean isOff(Setting<String> remap) {
        return !remap.isSet() || remap.value().isBlank();
    }
}
