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
 */
public record Enforcement(
        Severity denyAt,
        Set<String> warnOnly,
        Map<Action, Set<String>> allowedUsers,
        Failure failure,
        boolean mutateReadOnlyRootFilesystem) {

    /** What applies without an {@code enforce:} section: deny at high, fail closed, no user lists. */
    public static final Enforcement DEFAULT = new Enforcement(Severity.HIGH, Set.of(), Map.of(), Failure.CLOSED, false);

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
     * gate itself off, so nobody may do it unless users are named for it.
     */
    public enum Action {
        CONTAINER_CREATE("container-create", false),
        CONTAINER_START("container-start", false),
        CONTAINER_EXEC("container-exec", false),
        SERVICE_CREATE("service-create", false),
        SERVICE_UPDATE("service-update", false),
        PLUGIN_INSTALL("plugin-install", false),
        PLUGIN_ENABLE("plugin-enable", false),
        /** Disabling, configuring, upgrading, creating from a tarball or removing a plugin. */
        PLUGIN_MANAGE("plugin-manage", true),
        VOLUME_CREATE("volume-create", false),
        NETWORK_CREATE("network-create", false);

        private final String configName;
        private final boolean guarded;

        Action(String configName, boolean guarded) {
            this.configName = configName;
            this.guarded = guarded;
        }

        /** The name {@code .shipshape.yaml} and the decision log use: {@code container-exec}. */
        public String configName() {
            return configName;
        }

        public boolean guarded() {
            return guarded;
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
