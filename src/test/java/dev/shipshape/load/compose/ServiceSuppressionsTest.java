package dev.shipshape.load.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Origin;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Suppression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code x-shipshape.ignore} on a service: suppressions covering exactly the service's lines. */
class ServiceSuppressionsTest {

    @TempDir
    Path folder;

    private LoadResult load(String fileName, String yaml) throws IOException {
        Path file = folder.resolve(fileName);
        Files.writeString(file, yaml);
        return new ComposeLoader().load(file, fileName, SourceKind.COMPOSE, Map.of());
    }

    @Test
    void ignoreMapGivesOneSuppressionPerRuleOverTheServiceLines() throws IOException {
        LoadResult result = load("app.compose.yaml", """
                services:
                  web:
                    image: nginx
                    privileged: true
                    x-shipshape:
                      ignore:
                        privileged-container: needs /dev/kvm for the emulator
                        missing-healthcheck:
                  db:
                    image: postgres
                """);
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.suppressions()).containsExactly(
                new Suppression("privileged-container", "needs /dev/kvm for the emulator", "app.compose.yaml", 2, 8, Origin.at("app.compose.yaml", 7, 9)),
                new Suppression("missing-healthcheck", null, "app.compose.yaml", 2, 8, Origin.at("app.compose.yaml", 8, 9)));
        Suppression first = result.suppressions().getFirst();
        assertThat(first.covers(Origin.at("app.compose.yaml", 4, 5))).isTrue();
        assertThat(first.covers(Origin.at("app.compose.yaml", 9, 3))).isFalse();
        assertThat(first.covers(Origin.at("app.compose.yaml", 1, 1))).isFalse();
    }

    @Test
    void ignoreListGivesSuppressionsWithoutReason() throws IOException {
        LoadResult result = load("app.compose.yaml", """
                services:
                  web:
                    image: nginx
                    x-shipshape:
                      ignore: [missing-healthcheck]
                """);
        assertThat(result.suppressions()).containsExactly(
                new Suppression("missing-healthcheck", null, "app.compose.yaml", 2, 5, Origin.at("app.compose.yaml", 5, 16)));
    }

    @Test
    void serviceAlsoDefinedInTheOverrideIsCoveredInBothFiles() throws IOException {
        Files.writeString(folder.resolve("compose.override.yaml"), """
                services:
                  web:
                    privileged: true
                """);
        LoadResult result = load("compose.yaml", """
                services:
                  web:
                    image: nginx
                    x-shipshape:
                      ignore:
                        privileged-container: lab machine
                """);
        Origin rule = Origin.at("compose.yaml", 6, 9);
        assertThat(result.suppressions()).containsExactly(
                new Suppression("privileged-container", "lab machine", "compose.yaml", 2, 6, rule),
                new Suppression("privileged-container", "lab machine", "compose.override.yaml", 2, 3, rule));
        assertThat(result.suppressions().get(1).covers(
                result.inventory().workloads().getFirst().containers().getFirst().privileged().origin())).isTrue();
    }

    @Test
    void servicesWithoutTheExtensionHaveNone() throws IOException {
        assertThat(load("app.compose.yaml", "services:\n  web:\n    image: nginx\n").suppressions()).isEmpty();
    }
}
