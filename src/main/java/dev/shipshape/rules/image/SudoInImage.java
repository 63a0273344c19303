package dev.shipshape.rules.image;

import dev.shipshape.model.Image;
import dev.shipshape.model.Instruction;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.ImageRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.rules.image.ShellScript.Command;
import dev.shipshape.rules.image.ShellScript.Pipeline;
import dev.shipshape.rules.image.ShellScript.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Flags sudo in a Dockerfile, in two ways, one finding per RUN:
 * <ul>
 *   <li>a RUN that calls {@code sudo} (as a command, or wrapping one: {@code sudo -E apt-get …}), in
 *       any stage: the build already runs as root until a USER says otherwise, and sudo without a
 *       terminal behaves unpredictably (hadolint DL3004);</li>
 *   <li>a RUN that installs the {@code sudo} package in a stage that ends up in the final image
 *       ({@code apt-get install sudo}, {@code apk add sudo} …): the image then ships a setuid-root
 *       binary, nearly always with a NOPASSWD sudoers entry, which turns any code execution as the
 *       unprivileged USER into root and so undoes the USER instruction. Installing it in a stage
 *       that is only copied from does not ship it, and is not flagged.</li>
 * </ul>
 * The word {@code sudo} elsewhere ({@code echo sudo}, a path, a sudoers file name) is not a finding.
 */
public final class SudoInImage implements ImageRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-605", "sudo-in-image")
            .pillar(Pillar.SECURITY)
            .severity(Severity.MEDIUM)
            .title("Dockerfile uses or installs sudo")
            .rationale("""
                    A build step needs no sudo: it runs as root until a USER instruction says otherwise, \
                    and sudo without a terminal adds prompts, signal and environment surprises. Installed \
                    in the image, sudo is a setuid-root binary that, with the usual NOPASSWD entry, hands \
                    root to anyone who gets a shell as the application user, undoing the USER instruction.""")
            .remediation("Run the steps that need root before `USER app` (or between `USER root` and `USER app`) "
                    + "without sudo; to drop privileges at start-up use `gosu`, `su-exec` or `setpriv` in the "
                    + "entrypoint; keep sudo out of the final image (install it only in a development stage).")
            .appliesTo(SourceKind.DOCKERFILE)
            .references(
                    Reference.url("hadolint DL3004: do not use sudo", "https://github.com/hadolint/hadolint/wiki/DL3004"),
                    Reference.url("Docker: building best practices, USER (avoid sudo)",
                            "https://docs.docker.com/build/building/best-practices/#user"))
            .build();

    private static final String SUDO = "sudo";
    private static final int SHOWN_WORDS = 6;
    /**
     * Package managers and the word that installs with each; pacman's {@code -S…} and the install
     * helpers that take only package names (bitnami's {@code install_packages}, gitpod's
     * {@code install-packages}) are handled apart.
     */
    private static final Map<String, Set<String>> INSTALL_VERBS = Map.of(
            "apt-get", Set.of("install"), "apt", Set.of("install"), "aptitude", Set.of("install"),
            "apk", Set.of("add"), "yum", Set.of("install"), "dnf", Set.of("install"), "microdnf", Set.of("install"),
            "tdnf", Set.of("install"), "zypper", Set.of("install", "in"));
    /** {@code sudo}, {@code sudo=1.9.13p3-1}, {@code sudo~1.9}, {@code sudo-1.9.5p2}. */
    private static final Pattern SUDO_PACKAGE = Pattern.compile("sudo(?:[=~<>].*|-[0-9].*)?");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Image image) {
        Set<Integer> shipped = BuildStages.inFinalImage(image);
        List<Finding> findings = new ArrayList<>();
        for (int index = 0; index < image.stages().size(); index++) {
            boolean inFinalImage = shipped.contains(index);
            for (Instruction instruction : image.stages().get(index).instructions()) {
                if (!instruction.keyword().equals("RUN")) continue;
                problem(instruction, inFinalImage)
                        .map(problem -> Finding.of(INFO, instruction.origin(), problem))
                        .ifPresent(findings::add);
            }
        }
        return findings.stream();
    }

    /** What this RUN does with sudo, or empty. */
    static Optional<String> problem(Instruction run, boolean inFinalImage) {
        String install = null;
        for (Pipeline pipeline : RunScripts.pipelines(run)) {
            for (Command command : pipeline.commands()) {
                Optional<Invocation> found = Invocation.of(command);
                if (found.isEmpty()) continue;
                Invocation invocation = found.get();
                if (invocation.usesSudo()) {
                    return Optional.of("RUN calls sudo (" + shown(invocation) + "); the build already runs as root "
                            + "until a USER instruction, so run this step before it without sudo");
                }
                if (install == null && inFinalImage && installsSudo(invocation)) {
                    List<String> words = Stream.concat(Stream.of(invocation.program()),
                            invocation.arguments().stream().map(Word::value)).toList();
                    install = "RUN installs sudo into the final image (" + String.join(" ", words.subList(0, Math.min(SHOWN_WORDS, words.size())))
                            + (words.size() > SHOWN_WORDS ? " …" : "") + ")";
                }
            }
        }
        return Optional.ofNullable(install);
    }

    static boolean installsSudo(Invocation invocation) {
        List<String> arguments = invocation.arguments().stream().map(Word::value).toList();
        boolean installs = switch (invocation.program()) {
            case "pacman" -> arguments.stream().anyMatch(argument -> argument.matches("-[A-Za-z]*S[A-Za-z]*") || argument.equals("--sync"));
            case "install_packages", "install-packages" -> true;
            default -> arguments.stream().anyMatch(INSTALL_VERBS.getOrDefault(invocation.program(), Set.of())::contains);
        };
        return installs && arguments.stream().anyMatch(argument -> SUDO_PACKAGE.matcher(argument).matches());
    }

    /** The command as sudo runs it, wrappers and options left out: {@code sudo apt-get install -y git …}. */
    private static String shown(Invocation invocation) {
        Stream<String> words = Stream.concat(Stream.of(invocation.program()), invocation.arguments().stream().map(Word::value));
        if (!invocation.program().equals(SUDO)) words = Stream.concat(Stream.of(SUDO), words);
        List<String> all = words.toList();
        return String.join(" ", all.subList(0, Math.min(SHOWN_WORDS, all.size()))) + (all.size() > SHOWN_WORDS ? " …" : "");
    }
}
