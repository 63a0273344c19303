package dev.shipshape.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.load.yaml.YamlDocuments;
import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.rules.BuiltInRules;
import dev.shipshape.rules.Severity;
import dev.shipshape.scan.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The enforce: section of .shipshape.yaml, read as strictly as the rest of the file. */
class EnforcementSectionTest {

    private static EnforcementSection.Read read(String yaml) {
        YamlNode root = YamlDocuments.parse(".shipshape.yaml", yaml).documents().getFirst();
        return EnforcementSection.read(root.get("enforce").orElseThrow(), BuiltInRules.all());
    }

    @Test
    void readsEverySetting() {
        EnforcementSection.Read read = read("""
                enforce:
                  deny-at: critical
                  warn-only: [runs-as-root, SS-103]
                  allowed-users:
                    container-exec: [alice, bob]
                    plugin-manage: [ops]
                  failure: open
                  guard-all-builds: true
                  mutate:
                    read-only-root-filesystem: true
                """);

        assertThat(read.problems()).isEmpty();
        assertThat(read.enforcement()).isEqualTo(new Enforcement(Severity.CRITICAL, Set.of("runs-as-root", "dangerous-capability"),
                Map.of(Enforcement.Action.CONTAINER_EXEC, Set.of("alice", "bob"), Enforcement.Action.PLUGIN_MANAGE, Set.of("ops")),
                Enforcement.Failure.OPEN, true, true));
        assertThat(Enforcement.DEFAULT.guardAllBuilds()).isFalse();
    }

    @Test
    void anEmptySectionIsTheDefault() {
        assertThat(read("enforce:\n").enforcement()).isEqualTo(Enforcement.DEFAULT);
        assertThat(read("enforce: {}\n").enforcement()).isEqualTo(Enforcement.DEFAULT);
    }

    @Test
    void everyMistakeIsReportedWithItsPlace() {
        EnforcementSection.Read read = read("""
                enforce:
                  deny-at: severe
                  warn-only: [no-such-rule]
                  allowed-users:
                    container-run: [alice]
                    container-exec: alice
                  failure: maybe
                  mutate:
                    read-only-root-filesystem: sometimes
                    seccomp: true
                  deny: high
                  guard-all-builds: [yes]
                """);

        assertThat(read.problems()).containsExactly(
                ".shipshape.yaml:2:12: deny-at must be one of critical, high, medium, low, info, not 'severe'",
                ".shipshape.yaml:3:15: unknown rule 'no-such-rule'; run `shipshape rules` to list them",
                ".shipshape.yaml:5:5: unknown action 'container-run' in allowed-users; actions: container-create, container-start, "
                        + "container-exec, service-create, service-update, plugin-install, plugin-enable, plugin-manage, "
                        + "volume-create, network-create, swarm-join, swarm-init, swarm-manage, build-privileged",
                ".shipshape.yaml:6:21: container-exec must be a list of user names, like [alice]; found 'alice'",
                ".shipshape.yaml:7:12: failure must be open or closed, not 'maybe'",
                ".shipshape.yaml:9:32: read-only-root-filesystem must be true or false, not 'sometimes'",
                ".shipshape.yaml:10:5: unknown key 'seccomp' in mutate; valid keys: read-only-root-filesystem",
                ".shipshape.yaml:11:3: unknown key 'deny' in enforce; valid keys: deny-at, warn-only, allowed-users, failure, "
                        + "guard-all-builds, mutate",
                ".shipshape.yaml:12:21: guard-all-builds must be true or false, not a list");
    }

    @Test
    void theSectionMustBeAMapping() {
        assertThat(read("enforce: [high]\n").problems())
                .containsExactly(".shipshape.yaml:1:10: enforce must be a mapping of deny-at, warn-only, allowed-users, failure, guard-all-builds, "
                        + "mutate; "
                        + "found a list");
    }

    @Test
    void thePolicyFileChecksTheSectionWithTheRest() {
        assertThatThrownBy(() -> PolicyFile.parse(".shipshape.yaml", "fail-on: high\nenforce:\n  failure: sometimes\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(".shipshape.yaml:3:12: failure must be open or closed, not 'sometimes'");
    }

    @Test
    void thePolicyFileAcceptsAGoodSection() throws ConfigurationException {
        Policy policy = PolicyFile.parse(".shipshape.yaml", "fail-on: high\nenforce:\n  deny-at: medium\n");

        assertThat(policy.failOn()).contains(Severity.HIGH);
    }

    @Test
    void serveReadsTheSectionFromTheFile(@TempDir Path folder) throws Exception {
        Path file = folder.resolve(".shipshape.yaml");
        Files.writeString(file, "disable: [missing-cpu-limit]\nenforce:\n  deny-at: medium\n  warn-only: [runs-as-root]\n",
                StandardCharsets.UTF_8);

        assertThat(EnforcementSection.of(file, ".shipshape.yaml", BuiltInRules.all()))
                .isEqualTo(new Enforcement(Severity.MEDIUM, Set.of("runs-as-root"), Map.of(), Enforcement.Failure.CLOSED, false));
        Files.writeString(file, "fail-on: high\n", StandardCharsets.UTF_8);
        assertThat(EnforcementSection.of(file, ".shipshape.yaml", BuiltInRules.all())).isEqualTo(Enforcement.DEFAULT);
    }

    @Test
    void aGuardedActionIsRefusedUnlessUsersAreListed() {
        Enforcement open = Enforcement.DEFAULT;
        Enforcement listed = new Enforcement(Severity.HIGH, Set.of(),
                Map.of(Enforcement.Action.PLUGIN_MANAGE, Set.of("ops"), Enforcement.Action.CONTAINER_EXEC, Set.of()),
                Enforcement.Failure.CLOSED, false);

        assertThat(open.permits(Enforcement.Action.PLUGIN_MANAGE, "ops")).isFalse();
        assertThat(open.permits(Enforcement.Action.CONTAINER_EXEC, "")).isTrue();
        assertThat(listed.permits(Enforcement.Action.PLUGIN_MANAGE, "ops")).isTrue();
        assertThat(listed.permits(Enforcement.Action.PLUGIN_MANAGE, "")).isFalse();
        assertThat(listed.permits(Enforcement.Action.CONTAINER_EXEC, "ops")).isFalse();
        assertThat(listed.permits(Enforcement.Action.CONTAINER_CREATE, "")).isTrue();
    }

    @Test
    void warnOnlyRulesNeverDeny() {
        Enforcement enforcement = new Enforcement(Severity.HIGH, Set.of("runs-as-root"), Map.of(), Enforcement.Failure.CLOSED, false);

        assertThat(enforcement.denies("privileged-container", Severity.CRITICAL)).isTrue();
        assertThat(enforcement.denies("host-network", Severity.HIGH)).isTrue();
        assertThat(enforcement.denies("runs-as-root", Severity.CRITICAL)).isFalse();
        assertThat(enforcement.denies("missing-memory-limit", Severity.MEDIUM)).isFalse();
    }

    @Test
    void guardedActionsAreRefusedToEveryoneUnlessListed() {
        Enforcement none = Enforcement.DEFAULT;
        Enforcement listed = new Enforcement(Severity.HIGH, Set.of(), Map.of(Enforcement.Action.SWARM_JOIN, Set.of("ops")),
                Enforcement.Failure.CLOSED, false);

        assertThat(List.of(Enforcement.Action.values()).stream().filter(Enforcement.Action::guarded).map(Enforcement.Action::configName))
                .containsExactly("plugin-manage", "swarm-join", "swarm-init", "swarm-manage", "build-privileged");
        assertThat(none.permits(Enforcement.Action.SWARM_JOIN, "ops")).isFalse();
        assertThat(none.permits(Enforcement.Action.CONTAINER_EXEC, "")).isTrue();
        assertThat(listed.permits(Enforcement.Action.SWARM_JOIN, "ops")).isTrue();
        assertThat(listed.permits(Enforcement.Action.SWARM_JOIN, "")).isFalse();
        assertThat(Enforcement.Action.byConfigName("build-privileged")).contains(Enforcement.Action.BUILD_PRIVILEGED);
    }
}
