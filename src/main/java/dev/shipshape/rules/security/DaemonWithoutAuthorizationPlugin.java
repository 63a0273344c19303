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

/**
 * Flags a daemon with no authorization plugin. An explicitly empty {@code authorization-plugins}
 * list is reported at the daemon's origin: the model keeps no origin for an empty list.
 */
public final class DaemonWithoutAuthorizationPlugin implements DaemonRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-119", "daemon-without-authorization-plugin")
            .pillar(Pillar.SECURITY)
            .severity(Severity.MEDIUM)
            .title("Docker daemon has no authorization plugin")
            .rationale("""
                    Every client that reaches the daemon's socket may do anything: run privileged \
                    containers, mount the host's root, read every container's secrets. An authorization \
                    plugin checks each API request against a policy before the daemon runs it.""")
            .remediation("List a plugin in `\"authorization-plugins\": [\"<plugin>\"]` in /etc/docker/daemon.json "
                    + "(`shipshape serve` is one) and reload dockerd (`systemctl reload docker`).")
            .appliesTo(SourceKind.DAEMON_JSON, SourceKind.LIVE_DOCKER)
            .references(Reference.cisDocker("2.12"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(DaemonConfig daemon) {
        boolean anyPlugin = daemon.authorizationPlugins().stream()
                .anyMatch(plugin -> plugin.isSet() && !plugin.value().isBlank());
        return anyPlugin
                ? Stream.empty()
                : Stream.of(Finding.of(INFO, daemon.origin(),
                        "the Docker daemon has no `authorization-plugins`: every client that reaches it may do anything"));
    }
}
