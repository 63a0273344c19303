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
            new dev.shipshape.rules.security.CapabilitiesNotDropped(),
            new dev.shipshape.rules.security.DaemonNoNewPrivilegesDisabled(),
            new dev.shipshape.rules.security.DaemonTcpWithoutTls(),
            new dev.shipshape.rules.security.DaemonUsernsRemapDisabled(),
            new dev.shipshape.rules.security.DaemonWithoutAuthorizationPlugin(),
            new dev.shipshape.rules.security.DangerousCapability(),
            new dev.shipshape.rules.security.DockerSocketMounted(),
            new dev.shipshape.rules.security.DuplicateLabel(),
            new dev.shipshape.rules.security.HostDeviceMapped(),
            new dev.shipshape.rules.security.HostNamespaceShared(),
            new dev.shipshape.rules.security.ImageNotPinned(),
            new dev.shipshape.rules.security.PrivilegeEscalationAllowed(),
            new dev.shipshape.rules.security.PrivilegedContainer(),
            new dev.shipshape.rules.security.RunsAsRoot(),
            new dev.shipshape.rules.security.SecretInEnvironment(),
            new dev.shipshape.rules.security.SensitiveHostPath(),
            new dev.shipshape.rules.security.UnconfinedSecurityProfile(),
            new dev.shipshape.rules.security.WritableHostMount(),
            new dev.shipshape.rules.security.WritableRootFilesystem()
    );

    private static final List<Rule> STORAGE = List.of(
    );

    private static final List<Rule> ORCHESTRATION = List.of(
            new dev.shipshape.rules.orchestration.DaemonLiveRestoreDisabled()
    );

    private static final List<Rule> NETWORKING = List.of(
            new dev.shipshape.rules.networking.DaemonIccEnabled(),
            new dev.shipshape.rules.networking.DefaultBridgeNetwork(),
            new dev.shipshape.rules.networking.HostNetwork(),
            new dev.shipshape.rules.networking.PortOnAllInterfaces(),
            new dev.shipshape.rules.networking.SharedContainerNetwork(),
            new dev.shipshape.rules.networking.UnencryptedOverlay()
    );

    private static final List<Rule> DISCOVERY = List.of(
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
            case "image-not-pinned" -> new dev.shipshape.rules.security.ImageNotPinned(options.requireDigest());
            default -> rule;
        };
    }

    /** The rule with this name, alias or id. */
    public static Optional<Rule> byName(String name) {
        return ALL.stream().filter(rule -> rule.info().answersTo(name)).findFirst();
    }
}
