package dev.shipshape.load.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OverrideNamesTest {

    @ParameterizedTest(name = "{0} is an override: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            compose.override.yaml            | true
            compose.override.yml             | true
            docker-compose.override.yml      | true
            docker-compose.override.yaml     | true
            app.override.yml                 | true
            x__docker-compose.override.yml   | true
            docker-compose.prod.yml          | false
            compose.yaml                     | false
            .override.yml                    | false
            app.override.json                | false
            """)
    void recognisesOverrideFiles(String fileName, boolean expected) {
        assertThat(OverrideNames.isOverride(fileName)).isEqualTo(expected);
    }

    @Test
    void anOverrideNamesItsBaseWithEitherExtensionTheSameFirst() {
        assertThat(OverrideNames.baseNames("app.override.yml")).containsExactly("app.yml", "app.yaml");
        assertThat(OverrideNames.baseNames("docker-compose.test.override.yaml"))
                .containsExactly("docker-compose.test.yaml", "docker-compose.test.yml");
        assertThat(OverrideNames.baseNames("app.override.compose.yaml")).containsExactly("app.compose.yaml", "app.compose.yml");
        assertThat(OverrideNames.baseNames("compose.yaml")).isEmpty();
    }

    @Test
    void aBaseNamesItsOverridesAndAnOverrideHasNone() {
        assertThat(OverrideNames.overrideNames("compose.yaml")).containsExactly("compose.override.yaml", "compose.override.yml");
        assertThat(OverrideNames.overrideNames("app.yml")).containsExactly("app.override.yml", "app.override.yaml");
        assertThat(OverrideNames.overrideNames("app.compose.yaml")).containsExactly(
                "app.compose.override.yaml", "app.compose.override.yml", "app.override.compose.yaml", "app.override.compose.yml");
        assertThat(OverrideNames.overrideNames("app.override.yml")).isEqualTo(List.of());
        assertThat(OverrideNames.overrideNames("Dockerfile")).isEmpty();
    }
}
