package dev.shipshape.rules;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every rule that ships, as one explicit list per pillar: alphabetical, one rule per line.
 * No classpath scanning: it costs start-up time and hides what ships ({@code RuleCatalogTest}
 * proves no rule class is missing here).
 */
public final class BuiltInRules {

    private static final List<Rule> SECURITY = List.of(
            new dev.shipshape.rules.image.AddInsteadOfCopy(),
            new dev.shipshape.rules.security.CapabilitiesNotDropped(),
            new dev.shipshape.rules.security.ClusterAdminBinding(),
            new dev.shipshape.rules.security.ContentTrustDisabled(),
            new dev.shipshape.rules.security.CriticalHostDevice(),
            new dev.shipshape.rules.security.DaemonNoNewPrivilegesDisabled(),
            new dev.shipshape.rules.security.DaemonTcpWithoutTls(),
            new dev.shipshape.rules.security.DaemonSocketTooOpen(),
            new dev.shipshape.rules.security.DaemonUsernsRemapDisabled(),
            new dev.shipshape.rules.security.DaemonWithoutAuthorizationPlugin(),
            new dev.shipshape.rules.security.DangerousCapability(),
            new dev.shipshape.rules.security.DatastoreWithoutAuth(),
            new dev.shipshape.rules.security.DockerGroupMembers(),
            new dev.shipshape.rules.security.DockerSocketMounted(),
            new dev.shipshape.rules.security.DuplicateLabel(),
            new dev.shipshape.rules.security.HostCgroupNamespace(),
            new dev.shipshape.rules.security.HostDeviceMapped(),
            new dev.shipshape.rules.security.HostNamespaceShared(),
            new dev.shipshape.rules.security.HostUserNamespace(),
            new dev.shipshape.rules.security.ImageNotPinned(),
            new dev.shipshape.rules.security.ImageWithoutDigest(),
            new dev.shipshape.rules.security.InheritsContainerSettings(),
            new dev.shipshape.rules.security.InsecureAdminInterface(),
            new dev.shipshape.rules.image.MissingImageLabels(),
            new dev.shipshape.rules.security.MissingSeccompProfile(),
            new dev.shipshape.rules.image.PipeToShell(),
            new dev.shipshape.rules.security.PrivilegeEscalationAllowed(),
            new dev.shipshape.rules.security.PrivilegedContainer(),
            new dev.shipshape.rules.security.RbacPrivilegeEscalation(),
            new dev.shipshape.rules.security.RbacSecretsAccess(),
            new dev.shipshape.rules.security.RbacWildcard(),
            new dev.shipshape.rules.image.RemoteAdd(),
            new dev.shipshape.rules.security.RunsAsRoot(),
            new dev.shipshape.rules.image.SecretInBuild(),
            new dev.shipshape.rules.security.SecretInEnvironment(),
            new dev.shipshape.rules.security.SecretInManifest(),
            new dev.shipshape.rules.security.SensitiveHostPath(),
            new dev.shipshape.rules.security.ServiceAccountTokenMounted(),
            new dev.shipshape.rules.image.SudoInImage(),
            new dev.shipshape.rules.security.UnconfinedSecurityProfile(),
            new dev.shipshape.rules.security.UnmaskedSystemPaths(),
            new dev.shipshape.rules.image.UnpinnedBaseImage(),
            new dev.shipshape.rules.security.WritableHostMount(),
            new dev.shipshape.rules.security.WritableRootFilesystem()
    );

    private static final List<Rule> STORAGE = List.of(
            new dev.shipshape.rules.storage.AnonymousVolume(),
            new dev.shipshape.rules.storage.DanglingVolume(),
            new dev.shipshape.rules.storage.EphemeralStorageForStateful(),
            new dev.shipshape.rules.storage.LocalDriverInSwarm(),
            new dev.shipshape.rules.storage.NodeBoundStorage(),
            new dev.shipshape.rules.storage.StatefulWithoutVolume(),
            new dev.shipshape.rules.storage.StatefulsetWithoutClaims(),
            new dev.shipshape.rules.storage.UnboundedTmpfs()
    );

    private static final List<Rule> ORCHESTRATION = List.of(
            new dev.shipshape.rules.orchestration.AutoscalerTargetMissing(),
            new dev.shipshape.rules.orchestration.ContainerRestarting(),
            new dev.shipshape.rules.orchestration.ContainerUnhealthy(),
            new dev.shipshape.rules.orchestration.DaemonLiveRestoreDisabled(),
            new dev.shipshape.rules.orchestration.DeprecatedApiVersion(),
            new dev.shipshape.rules.orchestration.DisruptionBudgetBlocksEviction(),
            new dev.shipshape.rules.orchestration.MissingCpuLimit(),
            new dev.shipshape.rules.orchestration.MissingDisruptionBudget(),
            new dev.shipshape.rules.orchestration.MissingHealthcheck(),
            new dev.shipshape.rules.orchestration.MissingMemoryLimit(),
            new dev.shipshape.rules.orchestration.MissingPidsLimit(),
            new dev.shipshape.rules.orchestration.MissingReadinessProbe(),
            new dev.shipshape.rules.orchestration.MissingResourceRequests(),
            new dev.shipshape.rules.orchestration.MissingRestartPolicy(),
            new dev.shipshape.rules.orchestration.MissingSpread(),
            new dev.shipshape.rules.orchestration.MissingUpdateStrategy(),
            new dev.shipshape.rules.orchestration.MutableImageTag(),
            new dev.shipshape.rules.orchestration.SingleReplica()
    );

    private static final List<Rule> NETWORKING = List.of(
            new dev.shipshape.rules.networking.DaemonIccEnabled(),
            new dev.shipshape.rules.networking.DefaultBridgeNetwork(),
            new dev.shipshape.rules.networking.HostNetwork(),
            new dev.shipshape.rules.networking.IngressWithoutTls(),
            new dev.shipshape.rules.networking.MissingNetworkPolicy(),
            new dev.shipshape.rules.networking.NetworkPolicySelectsNothing(),
            new dev.shipshape.rules.networking.OverlayWithoutEncryption(),
            new dev.shipshape.rules.networking.PortOnAllInterfaces(),
            new dev.shipshape.rules.networking.ServiceOpenToWorld(),
            new dev.shipshape.rules.networking.SharedContainerNetwork(),
            new dev.shipshape.rules.networking.UnencryptedOverlay()
    );

    private static final List<Rule> DISCOVERY = List.of(
            new dev.shipshape.rules.discovery.ConsensusQuorumUnsafe(),
            new dev.shipshape.rules.discovery.DependsOnWithoutHealth(),
            new dev.shipshape.rules.discovery.DiscoverableWithoutHealth(),
            new dev.shipshape.rules.discovery.DiscoveryStoreWithoutTls(),
            new dev.shipshape.rules.discovery.HardcodedPeerAddress(),
            new dev.shipshape.rules.discovery.HostPortConflict(),
            new dev.shipshape.rules.discovery.IngressBackendMissing(),
            new dev.shipshape.rules.discovery.LegacyLink(),
            new dev.shipshape.rules.discovery.ServicePortMismatch(),
            new dev.shipshape.rules.discovery.ServiceSelectsNothing(),
            new dev.shipshape.rules.discovery.StatefulsetWithoutHeadlessService()
    );

    private static final List<Rule> ALL = Stream.of(SECURITY, STORAGE, ORCHESTRATION, NETWORKING, DISCOVERY)
            .flatMap(List::stream)
            .toList();

    private BuiltInRules() {
    }

    public static List<Rule> all() {
        return ALL;
    }

    /**
     * Every rule, the ones that take project settings built with {@code options}. Rules that take
     * options are listed by their no-argument constructor above (with the defaults) and replaced here.
     */
    public static List<Rule> all(RuleOptions options) {
        if (options.equals(RuleOptions.DEFAULTS)) return ALL;
        return ALL.stream().map(rule -> withOptions(rule, options)).toList();
    }

    private static Rule withOptions(Rule rule, RuleOptions options) {
        return switch (rule.info().name()) {
            case "deprecated-api-version" -> new dev.shipshape.rules.orchestration.DeprecatedApiVersion(options.kubernetesVersion());
            case "image-not-pinned" -> new dev.shipshape.rules.security.ImageNotPinned(options.requireDigest());
            case "missing-image-labels" -> new dev.shipshape.rules.image.MissingImageLabels(options.requiredLabels());
            case "unpinned-base-image" -> new dev.shipshape.rules.image.UnpinnedBaseImage(options.requireDigest());
            default -> rule;
        };
    }

    /** The rule with this name, alias or id. */
    public static Optional<Rule> byName(String name) {
        return ALL.stream().filter(rule -> rule.info().answersTo(name)).findFirst();
    }
}
