package dev.shipshape.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.rules.Severity;
import dev.shipshape.scan.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nearest policy file governs a file, up to the top of its repository. */
class GoverningPoliciesTest {

    @TempDir
    Path work;

    private Path write(String name, String text) throws IOException {
        Path file = work.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void theNearestPolicyUpToTheRepositoryTopGovernsAndIsReadOnce() throws Exception {
        write(".shipshape.yaml", "fail-on: info\n");
        Files.createDirectories(work.resolve("repo/.git"));
        write("repo/.shipshape.yaml", "fail-on: high\n");
        write("repo/svc/.shipshape.yaml", "fail-on: low\n");
        write("repo/svc/deep/compose.yaml", "services: {}\n");
        write("repo/other/compose.yaml", "services: {}\n");
        write("elsewhere/.git/HEAD", "");
        write("elsewhere/compose.yaml", "services: {}\n");
        GoverningPolicies policies = GoverningPolicies.nearest(work);

        GoverningPolicies.Governing deep = policies.of("repo/svc/deep/compose.yaml");
        assertThat(deep.shownPath()).contains("repo/svc/.shipshape.yaml");
        assertThat(deep.policy().failOn()).contains(Severity.LOW);
        assertThat(policies.of("repo/other/compose.yaml").policy().failOn()).contains(Severity.HIGH);
        // the file above "elsewhere"'s repository is not its policy
        assertThat(policies.of("elsewhere/compose.yaml")).isEqualTo(GoverningPolicies.Governing.DEFAULTS);
        assertThat(policies.of(work.resolve("repo/svc/deep/compose.yaml").toString())).isSameAs(deep);
        assertThat(policies.filesRead()).containsExactly("repo/.shipshape.yaml", "repo/svc/.shipshape.yaml");
        assertThat(GoverningPolicies.Governing.DEFAULTS.describe()).isEqualTo("defaults (no .shipshape.yaml)");
    }

    @Test
    void aConfiguredPolicyGovernsEverythingAndABadOneStopsTheRun() throws Exception {
        Path config = write("policy.yaml", "fail-on: medium\n");
        write("repo/.shipshape.yaml", "fail-on: low\n");
        GoverningPolicies fixed = GoverningPolicies.fixed(config, "policy.yaml");

        assertThat(fixed.isFixed()).isTrue();
        assertThat(fixed.of("repo/compose.yaml").shownPath()).isEqualTo(Optional.of("policy.yaml"));
        assertThat(fixed.filesRead()).containsExactly("policy.yaml");

        write("bad/.shipshape.yaml", "fail-on: sometimes\n");
        write("bad/compose.yaml", "services: {}\n");
        assertThatThrownBy(() -> GoverningPolicies.nearest(work).of("bad/compose.yaml"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("bad/.shipshape.yaml:1:10");
    }
}
