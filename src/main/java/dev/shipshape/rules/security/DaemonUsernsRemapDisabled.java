package dev.shipshape.rules.security;

import dev.shipshape.model.DaemonConfig;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.DaemonRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.stream.Stream;

/** Flags a daemon that maps root in its containers to root on the host. */
public final class DaemonUsernsRemapDisabled implements DaemonRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-117", "daemon-userns-remap-disabled")
            .pillar(Pillar.SECURITY)
            .severity(Severity.MEDIUM)
            .title("Docker daemon does not remap container root to an unprivileged user")
            .rationale("""
                    Without `userns-remap`, uid 0 in a container is uid 0 on the host: whatever lets \
                    a process out of its container (a kernel bug, a mounted socket, a writable host \
                    path) leaves it as root. With remapping, it leaves as an unprivileged subordinate uid.""")
            .remediation("Set `\"userns-remap\": \"default\"` (or a `user:group` with ranges in /etc/subuid "
                    + "and /etc/subgid) in /etc/docker/daemon.json and restart dockerd; images are pulled again "
                    + "into a new data root, and a container that truly needs the host's user namespace "
                    + "opts out with `userns_mode: host`.")
            .appliesTo(SourceKind.DAEMON_JSON, SourceKind.LIVE_DOCKER)
            .references(Reference.cisDocker("2.9"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(DaemonConfig daemon) {
        var remap = daemon.usernsRemap();
        if (!remap.isSet()) {
            return Stream.of(Finding.of(INFO, daemon.origin(),
                    "the Docker daemon does not set `userns-remap`: root in a container is root on the host"));
        }
        if (remap.value().isBlank()) {
            return Stream.of(Finding.of(INFO, remap.origin(),
                    "the Docker daemon sets `userns-remap` to an empty string, which leaves remapping off: "
                            + "root in a container is root on the host"));
        }
        return Stream.empty();
    }
}
