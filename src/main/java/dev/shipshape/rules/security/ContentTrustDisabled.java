package dev.shipshape.rules.security;

import dev.shipshape.model.Container;
import dev.shipshape.model.EnvVar;
import dev.shipshape.model.Image;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Stage;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ContainerRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.ImageRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Flags Docker Content Trust switched off: {@code DOCKER_CONTENT_TRUST} set to a value the Docker CLI
 * reads as false (Go's {@code strconv.ParseBool}: {@code 0}, {@code f}, {@code false} in any of its
 * spellings) in a service's, a container's or a Dockerfile's environment, or
 * {@code --disable-content-trust} in a command or a {@code RUN}. Enforcing signed images in the first
 * place is {@code image-without-digest}'s and {@code image-not-pinned}'s business (a digest pins what was
 * reviewed) and the daemon's authorization plugin's; this rule catches the explicit opt-out.
 */
public final class ContentTrustDisabled implements ContainerRule, ImageRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-152", "content-trust-disabled")
            .pillar(Pillar.SECURITY)
            .severity(Severity.MEDIUM)
            .title("Docker Content Trust switched off")
            .rationale("""
                    With Content Trust on, the Docker CLI pulls, runs and builds only images signed through \
                    Notary, so a tag moved by someone who took over the registry account is refused. Setting \
                    `DOCKER_CONTENT_TRUST=0` or passing `--disable-content-trust` turns the check off for \
                    everything that process pulls, usually without anyone noticing.""")
            .remediation("Remove `DOCKER_CONTENT_TRUST=0` and `--disable-content-trust`; set `DOCKER_CONTENT_TRUST=1` "
                    + "where images are pulled and built, sign what you publish (`docker trust sign`), and pin "
                    + "images by digest.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.DOCKERFILE, SourceKind.LIVE_DOCKER)
            .references(
                    Reference.cisDocker("4.5"),
                    Reference.url("Docker: content trust", "https://docs.docker.com/engine/security/trust/"))
            .build();

    private static final String VARIABLE = "DOCKER_CONTENT_TRUST";
    private static final String FLAG = "--disable-content-trust";
    /** Go's strconv.ParseBool false spellings. */
    private static final Set<String> FALSE = Set.of("0", "f", "F", "false", "FALSE", "False");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        if (!mentionsContentTrust(container)) return Stream.empty();
        return Stream.concat(
                environment(container.environment(), container.description()),
                container.command().stream()
                        .filter(item -> disables(item.value()))
                        .limit(1)
                        .map(item -> Finding.of(INFO, item.origin(), container.description() + " runs with " + FLAG)));
    }

    @Override
    public Stream<Finding> check(Image image) {
        Stream<Finding> variables = Stream.of(image.globalArgs(), image.args(), image.environment())
                .flatMap(list -> environment(list, "the Dockerfile"));
        Stream<Finding> runs = image.stages().stream()
                .map(Stage::instructions)
                .flatMap(List::stream)
                .filter(instruction -> instruction.keyword().equals("RUN") && disables(instruction.arguments()))
                .map(instruction -> Finding.of(INFO, instruction.origin(), "RUN passes " + FLAG));
        return Stream.concat(variables, runs);
    }

    private static Stream<Finding> environment(List<EnvVar> variables, String subject) {
        return variables.stream()
                .filter(variable -> variable.name().equals(VARIABLE) && variable.value() != null && FALSE.contains(variable.value().strip()))
                .map(variable -> Finding.of(INFO, variable.origin(), "%s sets %s=%s".formatted(subject, VARIABLE, variable.value().strip())));
    }

    /**
     * False when no variable is {@code DOCKER_CONTENT_TRUST} and no command word holds the flag: then
     * nothing can be found, and the two pipelines (and a regex split of every command word) are
     * not built, for almost every container at the gate.
     */
    private static boolean mentionsContentTrust(Container container) {
        for (EnvVar variable : container.environment()) {
            if (variable.name().equals(VARIABLE)) return true;
        }
        for (Setting<String> item : container.command()) {
            if (item.value().contains(FLAG)) return true;
        }
        return false;
    }

    /** {@code --disable-content-trust} or {@code --disable-content-trust=true}; {@code =false} keeps it on. */
    private static boolean disables(String text) {
        for (String word : text.split("\\s+")) {
            if (word.equals(FLAG)) return true;
            if (word.startsWith(FLAG + "=")) return !FALSE.contains(word.substring(FLAG.length() + 1));
        }
        return false;
    }
}
