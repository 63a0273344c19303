package dev.shipshape.load.compose;

import dev.shipshape.load.compose.ComposeNode.Mapping;
import dev.shipshape.load.compose.ComposeNode.Member;
import dev.shipshape.model.SourceKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides from a file's content whether it is a Swarm stack or a Compose file, where the name
 * guessed: a stack says so with keys only {@code docker stack deploy} honours ({@code deploy.mode: global},
 * {@code placement}, {@code update_config}, {@code rollback_config}, {@code endpoint_mode}) and has none
 * that only Compose reads ({@code build}, {@code container_name}, {@code profiles}, {@code network_mode},
 * {@code extends}, {@code cgroup_parent}). A file whose content says neither keeps the kind its name gave.
 * A script beside the file that deploys it with {@code docker stack deploy} ({@link DeployScripts}) says
 * more than either, and the loader asks it first.
 */
final class StackOrCompose {

    /** {@code mode} counts only as {@code global}: Compose scales a {@code replicated} service too. */
    private static final Set<String> SWARM_ONLY_DEPLOY_KEYS = Set.of("placement", "update_config", "rollback_config", "endpoint_mode");
    private static final Set<String> COMPOSE_ONLY_SERVICE_KEYS = Set.of("build", "container_name", "profiles", "network_mode", "extends", "cgroup_parent");

    private StackOrCompose() {
    }

    static SourceKind decide(Mapping root, SourceKind byName) {
        List<Mapping> services = root.get("services")
                .filter(Mapping.class::isInstance).map(Mapping.class::cast)
                .map(Mapping::members).orElse(List.of()).stream()
                .map(Member::value)
                .filter(Mapping.class::isInstance).map(Mapping.class::cast)
                .toList();
        boolean composeOnly = services.stream().anyMatch(service -> COMPOSE_ONLY_SERVICE_KEYS.stream().anyMatch(key -> service.member(key).isPresent()));
        boolean swarmOnly = services.stream().anyMatch(StackOrCompose::hasSwarmOnlyDeployKey);
        if (swarmOnly && !composeOnly) return SourceKind.STACK;
        if (composeOnly && !swarmOnly) return SourceKind.COMPOSE;
        return byName;
    }

    private static boolean hasSwarmOnlyDeployKey(Mapping service) {
        Optional<Mapping> deploy = service.get("deploy").filter(Mapping.class::isInstance).map(Mapping.class::cast);
        if (deploy.isEmpty()) return false;
        boolean global = deploy.get().get("mode").filter(ComposeNode.Scalar.class::isInstance).map(ComposeNode.Scalar.class::cast)
                .map(ComposeNode.Scalar::text).filter("global"::equals).isPresent();
        return global || SWARM_ONLY_DEPLOY_KEYS.stream().anyMatch(key -> deploy.get().member(key).isPresent());
    }
}
