package dev.shipshape.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Container;
import dev.shipshape.model.ContainerBuilder;
import dev.shipshape.model.EnvVar;
import dev.shipshape.model.EnvVar.ValueSource;
import dev.shipshape.model.Image;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Stage;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.Finding;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the fixtures cannot show: value sources, interpolation, and that values never reach a message. */
class SecretInEnvironmentTest {

    private static final Origin SERVICE = Origin.at("compose.yaml", 2, 3);
    private static final String GITHUB_TOKEN = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";

    private final SecretInEnvironment rule = new SecretInEnvironment();

    @Test
    void onlyLiteralWrittenValuesCount() {
        List<Finding> findings = findings(
                EnvVar.literal("DB_PASSWORD", "hunter2", false, at(4)),
                EnvVar.literal("API_PASSWORD", "resolved-from-shell", true, at(5)),
                new EnvVar("JWT_SECRET", null, ValueSource.SECRET, false, at(6)),
                new EnvVar("SESSION_SECRET", null, ValueSource.REFERENCE, false, at(7)),
                new EnvVar("ADMIN_PASSWORD", "from-a-reference", ValueSource.REFERENCE, false, at(8)),
                EnvVar.literal("ROOT_PASSWORD", null, false, at(9)));
        assertThat(findings).extracting(Finding::origin).containsExactly(at(4));
        assertThat(findings.getFirst().message()).isEqualTo("service 'web' sets DB_PASSWORD to a literal secret");
    }

    @Test
    void namesTheVariableAndNeverPrintsTheValue() {
        List<Finding> findings = findings(
                EnvVar.literal("DB_PASSWORD", "hunter2", false, at(4)),
                EnvVar.literal("CI_SETTINGS", "token " + GITHUB_TOKEN, false, at(5)));
        assertThat(findings).extracting(Finding::message).containsExactly(
                "service 'web' sets DB_PASSWORD to a literal secret",
                "service 'web' sets CI_SETTINGS to what looks like a GitHub token (ghp_…)");
        assertThat(findings).extracting(Finding::message)
                .noneMatch(message -> message.contains("hunter2") || message.contains(GITHUB_TOKEN.substring(0, 5)));
    }

    @Test
    void checksGlobalArgsAndTheFinalStagesArgsAndEnv() {
        Origin from = Origin.at("Dockerfile", 3, 1);
        Image image = new Image("Dockerfile",
                List.of(EnvVar.literal("NPM_TOKEN", "npm_abc", false, Origin.at("Dockerfile", 1, 1))),
                List.of(new Stage(null, "node:22", from, List.of())),
                Setting.unset(from), Optional.empty(), List.of(), List.of(), List.of(),
                List.of(EnvVar.literal("DB_PASSWORD", "hunter2", false, Origin.at("Dockerfile", 5, 1)),
                        EnvVar.literal("APP_PASSWORD", "$DB_PASSWORD", true, Origin.at("Dockerfile", 6, 1))),
                List.of(EnvVar.literal("GITHUB_TOKEN", null, false, Origin.at("Dockerfile", 4, 1)),
                        EnvVar.literal("API_KEY", "k-123", false, Origin.at("Dockerfile", 7, 1))));
        assertThat(rule.check(image).map(finding -> finding.origin().line() + " " + finding.message()))
                .containsExactlyInAnyOrder(
                        "1 a global ARG sets NPM_TOKEN to a literal secret",
                        "5 the final stage's ENV sets DB_PASSWORD to a literal secret",
                        "7 the final stage's ARG sets API_KEY to a literal secret");
    }

    private List<Finding> findings(EnvVar... environment) {
        ContainerBuilder builder = Container.builder("web", "service 'web'", false, SERVICE);
        builder.environment.addAll(List.of(environment));
        Container container = builder.build();
        Workload workload = new Workload("service", "web", null, SourceKind.COMPOSE, SERVICE, 10,
                Setting.unset(SERVICE), Setting.unset(SERVICE), List.of(container), List.of(), Map.of());
        return rule.check(workload, container).toList();
    }

    private static Origin at(int line) {
        return Origin.at("compose.yaml", line, 7);
    }
}
