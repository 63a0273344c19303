package dev.shipshape.rules.security;

import dev.shipshape.model.Container;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ContainerRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.stream.Stream;

/**
 * Flags containers that join the host's cgroup namespace ({@code cgroup: host}, {@code --cgroupns host}).
 * Medium: the container sees the host's whole cgroup tree (every service's and container's
 * path, limits and usage) but, without {@code CAP_SYS_ADMIN}, cannot write it; with that
 * capability (reported by {@link DangerousCapability}) it is the first step of the cgroup
 * {@code release_agent} escape. The live reader leaves unset a mode that equals the Engine's own
 * default ({@code host} on cgroup v1 hosts), so only a choice is judged.
 */
public final class HostCgroupNamespace implements ContainerRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-126", "host-cgroup-namespace")
            .pillar(Pillar.SECURITY)
            .severity(Severity.MEDIUM)
            .title("Container shares the host's cgroup namespace")
            .rationale("""
                    In the host's cgroup namespace a container sees the host's whole cgroup hierarchy: \
                    the names, limits and usage of every host service and container, and the host \
                    paths of its own cgroup. That is reconnaissance for an attacker, and together with \
                    CAP_SYS_ADMIN the way to the cgroup release_agent escape.""")
            .remediation("Remove `cgroup: host` (Compose) or `--cgroupns host` (docker run), and `CgroupnsMode: host` "
                    + "from API requests; on cgroup v1 hosts set `\"default-cgroupns-mode\": \"private\"` in daemon.json.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.LIVE_DOCKER)
            .references(Reference.url("docker run --cgroupns", "https://docs.docker.com/reference/cli/docker/container/run/#cgroupns"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        Setting<String> mode = container.cgroupnsMode();
        if (!mode.isSet() || !mode.value().strip().equals("host")) return Stream.empty();
        return Stream.of(Finding.of(INFO, mode.origin(), container.description()
                + " shares the host's cgroup namespace: it sees every host service's and container's cgroup"));
    }
}
