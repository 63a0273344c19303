package dev.shipshape.rules.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.shipshape.rules.Finding;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** sudo as a command, sudo as a package, and the word sudo that is neither. */
class SudoInImageTest {

    static Stream<Arguments> sudoUses() {
        return Stream.of(
                arguments("RUN sudo apt-get update",
                        "RUN calls sudo (sudo apt-get update)"),
                arguments("RUN sudo -E -u app make install",
                        "RUN calls sudo (sudo make install)"),
                arguments("RUN set -eux && sudo chown -R app /app",
                        "RUN calls sudo (sudo chown -R app /app)"),
                arguments("RUN env X=1 sudo ./setup.sh",
                        "RUN calls sudo (sudo setup.sh)"),
                arguments("RUN echo 'app ALL=(ALL) NOPASSWD:ALL' | sudo tee -a /etc/sudoers",
                        "RUN calls sudo (sudo tee -a /etc/sudoers)"),
                arguments("RUN sudo -v",
                        "RUN calls sudo (sudo -v)"),
                arguments("RUN sh -c 'sudo make install'",
                        "RUN calls sudo (sudo make install)"),
                arguments("RUN [\"sudo\", \"make\"]",
                        "RUN calls sudo (sudo make)"),
                arguments("RUN <<EOF\nset -e\nsudo make install\nEOF",
                        "RUN calls sudo (sudo make install)"),
                arguments("RUN apt-get update && apt-get install -y --no-install-recommends git sudo",
                        "RUN installs sudo into the final image (apt-get install -y --no-install-recommends git sudo)"),
                arguments("RUN apk add --no-cache sudo=1.9.15_p5-r0",
                        "RUN installs sudo into the final image (apk add --no-cache sudo=1.9.15_p5-r0)"),
                arguments("RUN dnf install -y sudo-1.9.5p2 && dnf clean all",
                        "RUN installs sudo into the final image (dnf install -y sudo-1.9.5p2)"),
                arguments("RUN microdnf install sudo",
                        "RUN installs sudo into the final image"),
                arguments("RUN zypper in -y sudo",
                        "RUN installs sudo into the final image"),
                arguments("RUN pacman -Syu --noconfirm sudo",
                        "RUN installs sudo into the final image"),
                arguments("RUN install_packages ca-certificates sudo",
                        "RUN installs sudo into the final image (install_packages ca-certificates sudo)"),
                arguments("RUN yes | unminimize && install-packages zip sudo stow",
                        "RUN installs sudo into the final image (install-packages zip sudo stow)")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sudoUses")
    void usesOrInstallsSudo(String run, String message) {
        List<Finding> findings = Dockerfiles.findings(new SudoInImage(), "FROM debian:12\n" + run.strip() + "\n");
        assertThat(findings).singleElement().extracting(Finding::message).asString().startsWith(message.strip());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "RUN echo sudo",
            "RUN apt-get install -y sudoku",
            "RUN apt-get install -y libsudo-dev",
            "RUN apt-get remove -y sudo",
            "RUN apt-get download sudo",
            "RUN rm -f /etc/sudoers.d/app",
            "RUN grep -q sudo /etc/group || true",
            "RUN gosu app make",
            "RUN useradd -G sudo app",
            "RUN pip install sudo-helper",
    })
    void theWordSudoElsewhereIsNotAFinding(String run) {
        assertThat(Dockerfiles.findings(new SudoInImage(), "FROM debian:12\n" + run + "\n")).isEmpty();
    }

    @Test
    void installingSudoOnlyCountsInStagesThatShipButCallingItCountsEverywhere() {
        List<Finding> findings = Dockerfiles.findings(new SudoInImage(), """
                FROM debian:12 AS base
                RUN apt-get install -y sudo
                FROM debian:12 AS dev-tools
                RUN apt-get install -y sudo
                RUN sudo true
                FROM base
                USER app
                """);

        assertThat(findings).extracting(finding -> finding.origin().line()).containsExactly(2, 5);
        assertThat(findings.get(0).message()).startsWith("RUN installs sudo into the final image");
        assertThat(findings.get(1).message()).startsWith("RUN calls sudo (sudo true)");
    }
}
