package dev.shipshape.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Image;
import dev.shipshape.model.Instruction;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import dev.shipshape.model.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The USER a multi-stage Dockerfile's image runs with; the fixtures cover the rest of the rule. */
class RunsAsRootTest {

    private static final String FILE = "Dockerfile";

    @Test
    void theFinalStagesOwnUserWins() {
        Image image = image(Setting.of("app", at(9)),
                stage("base", "debian:12", 1, user("root", 2)),
                stage(null, "base", 8, user("app", 9)));
        assertThat(RunsAsRoot.effectiveUser(image)).isEqualTo(Setting.of("app", at(9)));
    }

    @Test
    void aFinalStageWithoutUserInheritsTheUserOfTheStageItIsBuiltFrom() {
        Image image = image(Setting.unset(at(8)),
                stage("Base", "debian:12", 1, user("app", 2), user("10001", 3)),
                stage("build", "golang:1.23", 5, user("root", 6)),
                stage(null, "base", 8));
        assertThat(RunsAsRoot.effectiveUser(image)).isEqualTo(Setting.of("10001", at(3)));
    }

    @Test
    void inheritanceFollowsAChainOfStages() {
        Image image = image(Setting.unset(at(7)),
                stage("base", "debian:12", 1, user("app", 2)),
                stage("middle", "base", 4),
                stage(null, "middle", 7));
        assertThat(RunsAsRoot.effectiveUser(image)).isEqualTo(Setting.of("app", at(2)));
    }

    @Test
    void anEarlierStagesUserDoesNotCarryOverWhenTheFinalStageStartsFromAnotherImage() {
        Image image = image(Setting.unset(at(4)),
                stage("build", "debian:12", 1, user("app", 2)),
                stage(null, "alpine:3.20", 4));
        assertThat(RunsAsRoot.effectiveUser(image)).isEqualTo(Setting.unset(at(4)));
    }

    @Test
    void anOnbuildUserIsATriggerForLaterBuildsNotThisImagesUser() {
        Instruction onbuildUser = new Instruction("USER", "app", null, Map.of(), List.of(), true, at(2));
        Image image = image(Setting.unset(at(4)),
                stage("base", "debian:12", 1, onbuildUser),
                stage(null, "base", 4));
        assertThat(RunsAsRoot.effectiveUser(image)).isEqualTo(Setting.unset(at(4)));
    }

    @Test
    void noUserAnywhereIsUnsetAtTheLastFrom() {
        Image image = image(Setting.unset(at(5)),
                stage("build", "golang:1.23", 1),
                stage(null, "gcr.io/distroless/static-debian12", 5));
        assertThat(RunsAsRoot.effectiveUser(image)).isEqualTo(Setting.unset(at(5)));
        assertThat(new RunsAsRoot().check(image).map(finding -> finding.origin() + " " + finding.message()))
                .containsExactly("Dockerfile:5:1 Dockerfile 'Dockerfile' sets no USER, so the image runs as root");
    }

    @Test
    void anInheritedRootUserIsReportedWhereItIsWritten() {
        Image image = image(Setting.unset(at(4)),
                stage("base", "debian:12", 1, user("0", 2)),
                stage(null, "base", 4));
        assertThat(new RunsAsRoot().check(image).map(finding -> finding.origin() + " " + finding.message()))
                .containsExactly("Dockerfile:2:1 Dockerfile 'Dockerfile' runs the image as root (USER 0)");
    }

    private static Origin at(int line) {
        return Origin.at(FILE, line, 1);
    }

    private static Instruction user(String arguments, int line) {
        return new Instruction("USER", arguments, null, Map.of(), List.of(), false, at(line));
    }

    private static Stage stage(String name, String from, int line, Instruction... instructions) {
        List<Instruction> all = new ArrayList<>();
        all.add(new Instruction("FROM", from + (name == null ? "" : " AS " + name), null, Map.of(), List.of(), false, at(line)));
        all.addAll(List.of(instructions));
        return new Stage(name, from, at(line), all);
    }

    private static Image image(Setting<String> user, Stage... stages) {
        return new Image(FILE, List.of(), List.of(stages), user, Optional.empty(), List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
