package dev.shipshape.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** examples/ci/gitlab-ci.yml: a job that publishes shipshape's findings as GitLab's Code Quality report. */
class GitLabExampleTest {

    @Test
    @SuppressWarnings("unchecked")
    void theJobWritesTheCodeQualityReportItPublishes() throws IOException {
        Map<String, Object> ci = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(ReleaseArtifacts.REPOSITORY.resolve("examples/ci/gitlab-ci.yml")));
        Map<String, Object> job = (Map<String, Object>) ci.get("shipshape");

        Map<String, Object> image = (Map<String, Object>) job.get("image");
        assertThat(image).containsEntry("name", "ghcr.io/shipshape-dev/shipshape:0.1.0").containsEntry("entrypoint", List.of(""));
        assertThat((List<String>) job.get("script")).singleElement().asString()
                .startsWith("shipshape scan . ").contains(" --format gitlab --output gl-code-quality.json");
        Map<String, Object> artifacts = (Map<String, Object>) job.get("artifacts");
        assertThat(artifacts).containsEntry("when", "always");
        assertThat((Map<String, Object>) artifacts.get("reports")).containsEntry("codequality", "gl-code-quality.json");
    }
}
