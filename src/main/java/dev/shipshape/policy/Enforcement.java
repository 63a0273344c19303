package dev.shipshape.policy;

import dev.shipshape.rules.Severity;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How {@code shipshape serve} turns findings into answers at the gate: the {@code enforce:}
 * section of {@code .shipshape.yaml} (read by {@link EnforcementSection}).
 *
 * @param denyAt        findings at or above this severity deny the request; milder ones are warnings
 * @param warnOnly      names of rules whose findings only warn, whatever their severity
 * @param allowedUsers  per action, the only users who may do it, as the daemon names them (the CN of a TLS
 *                      client certificate). An action not listed is open to everyone, except a guarded
 *                      one, which nobody may do unless it is listed
 * @param failure       what to answer for a request that cannot be decided (an unreadable body, an internal error)
 * @param mutateReadOnlyRootFilesystem {@code /mutate} also sets {@code readOnlyRootFilesystem: true} where it is unset
 * @param guardAllBuilds every {@code POST /build} is the guarded action {@link Action#BUILD_PRIVILEGED}, not only one
 *                      that asks for the host's network in its query: dockerd can take a build's options from a form
 *                      body that the gate never sees ({@code guard-all-builds})
 */
public record Enforcement(
        Severity denyAt,
        Set<String> warnOnly,
        Map<Action, Set<String>> allowedUsers,
        Failure failure,
        boolean mutateReadOnlyRootFilesystem,
        boolean guardAllBuilds) {

    /** What applies without an {@code enforce:} section: deny at high, fail closed, no user lists, builds guarded by their query. */
    public static final Enforcement DEFAULT = new Enforcement(Severity.HIGH, Set.of(), Map.of(), Failure.CLOSED, false, false);

    /** Settings that leave builds guarded by their query (the default). */
    public Enforcement(Severity denyAt, Set<String> warnOnly, Map<Action, Set<String>> allowedUsers, Failure failure,
            boolean mutateReadOnlyRootFilesystem) {
        this(denyAt, warnOnly, allowedUsers, failure, mutateReadOnlyRootFilesystem, false);
    }

    public Enforcement {
        warnOnly = Set.copyOf(warnOnly);
        Map<Action, Set<String>> users = new EnumMap<>(Action.class);
        allowedUsers.forEach((action, names) -> users.put(action, Set.copyOf(names)));
        allowedUsers = java.util.Collections.unmodifiableMap(users);
    }

    /** The stance for requests that cannot be decided. */
    public enum Failure {
        /** Allow them (and log that they were not checked). */
        OPEN,
        /** Deny them. */
        CLOSED
    }

    /**
     * The Docker API actions {@code allowed-users} can restrict. A guarded action could switch the
     * gate off or hand the host to someone else, so nobody may do it unless users are named for it;
     * {@link #guardReason} and {@link #guardWhy} say so in a denial.
     */
    public enum Action {
        CONTAINER_CREATE("container-create", null, null),
        CONTAINER_START("container-start", null, null),
        CONTAINER_EXEC("container-exec", null, null),
        SERVICE_CREATE("service-create", null, null),
        SERVICE_UPDATE("service-update", null, null),
        PLUGIN_INSTALL("plugin-install", null, null),
        PLUGIN_ENABLE("plugin-enable", null, null),
        /** Disabling, configuring, upgrading, creating from a tarball or removing a plugin. */
        PLUGIN_MANAGE("plugin-manage", "plugin-guard", "disabling, reconfiguring, upgrading, creating or removing plugins "
                + "through the API could switch authorization off"),
        VOLUME_CREATE("volume-create", null, null),
        NETWORK_CREATE("network-create", null, null),
        /** {@code POST /swarm/join}. */
        SWARM_JOIN("swarm-join", "host-handover", "joining a swarm lets its managers run tasks on this host that no "
                + "authorization request ever shows"),
        /** {@code POST /swarm/init} listening, advertising or carrying data beyond loopback. */
        SWARM_INIT("swarm-init", "host-handover", "a swarm that listens, advertises or carries data beyond loopback lets "
                + "other nodes join it and run tasks on this host"),
        /** {@code POST /swarm/update}. */
        SWARM_MANAGE("swarm-manage", "host-handover", "updating the swarm can rotate its root CA to a key someone else "
                + "holds (or name an external CA), who can then make managers that run tasks on this host"),
        /** {@code POST /build} with host networking, and {@code POST /grpc} (a direct BuildKit connection). */
        BUILD_PRIVILEGED("build-privileged", "host-handover", "a build with host networking, or a direct BuildKit "
                + "connection (which can ask for host networking, and for security.insecure where the daemon allows it, "
                + "unseen by the gate), runs build steps on the host's network or with its privileges");

        private final String configName;
        private final String guardReason;
        private final String guardWhy;

        Action(String configName, String guardReason, String guardWhy) {
            this.configName = configName;
            this.guardReason = guardReason;
            this.guardWhy = guardWhy;
        }

        /** The name {@code .shipshape.yaml} and the decision log use: {@code container-exec}. */
        public String configName() {
            return configName;
        }

        public boolean guarded() {
            return guardReason != null;
        }

        /** For a guarded action, the reason a denial names ({@code plugin-guard}, {@code host-handover}). */
        public String guardReason() {
            return guardReason;
        }

        /** For a guarded action, why nobody may do it unless listed. */
        public String guardWhy() {
            return guardWhy;
        }

        public static Optional<Action> byConfigName(String name) {
            return Arrays.stream(values()).filter(action -> action.configName.equals(name)).findFirst();
        }
    }

    /** Whether {@code user} ("" when the daemon names nobody) may do {@code action} at all. */
    public boolean permits(Action action, String user) {
        Set<String> users = allowedUsers.get(action);
        if (users == null) return !action.guarded();
        return user != null && !user.isEmpty() && users.contains(user);
    }

    /** Whether a finding of this rule at this severity denies the request. */
    public boolean denies(String ruleName, Severity severity) {
        return severity.isAtLeast(denyAt) && !warnOnly.contains(ruleName);
    }
}
