package dev.shipshape.rules.image;

import dev.shipshape.model.EnvVar;
import dev.shipshape.model.Image;
import dev.shipshape.model.Instruction;
import dev.shipshape.model.Origin;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.ImageRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.rules.security.SecretClassifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Flags the ways a Dockerfile carries a secret into an image or its build:
 * <ul>
 *   <li>an ARG named like a secret ({@code ARG NPM_TOKEN}), in any stage, with or without a default:
 *       whatever {@code --build-arg} passes is recorded in the image history and the build's provenance;</li>
 *   <li>an ENV named like a secret with a value ({@code ENV GITHUB_TOKEN=$GITHUB_TOKEN}), in any stage:
 *       the value is kept in the image configuration; an empty or switch value, or a path under
 *       {@code /run/secrets}, is not a secret;</li>
 *   <li>a COPY or ADD of a credentials file ({@link SecretFileName}): it stays in a layer even when
 *       a later RUN deletes it.</li>
 * </ul>
 * Names are secret-in-environment's ({@link SecretClassifier}), plus {@code SSH_KEY} and
 * {@code DEPLOY_KEY}. A COPY whose sources say nothing is still judged by a destination that names
 * a credentials file ({@code COPY files/deploy /root/.ssh/id_rsa}).
 * An ARG or ENV that secret-in-environment already reports (a literal secret value in a global
 * ARG or in the final stage's ARG and ENV) is left to it, so each is reported once.
 */
public final class SecretInBuild implements ImageRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-604", "secret-in-build")
            .pillar(Pillar.SECURITY)
            .severity(Severity.HIGH)
            .title("Secret passed into the image build")
            .rationale("""
                    Build arguments are recorded in the image history and in build provenance, ENV values \
                    stay in the image configuration, and a copied file stays in its layer even after a \
                    later `rm`: anyone who can pull the image, or read the build cache, reads the token, \
                    key or password, and it cannot be taken back without rotating it.""")
            .remediation("Pass build-time secrets with `RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN …` "
                    + "(`docker build --secret id=npm_token,env=NPM_TOKEN`) or `RUN --mount=type=ssh` for SSH keys, "
                    + "never as `ARG`, `ENV` or a copied file; give runtime secrets to the container (Compose or "
                    + "Kubernetes secrets) instead of baking them in; rotate any secret already built into an image.")
            .appliesTo(SourceKind.DOCKERFILE)
            .references(
                    Reference.cisDocker("4.10"),
                    Reference.url("Docker build checks: SecretsUsedInArgOrEnv",
                            "https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/"),
                    Reference.url("Docker: build secrets", "https://docs.docker.com/build/building/secrets/"))
            .build();

    private static final int SHOWN_FILES = 1;
    private static final String ARGUMENT_PROBLEM =
            " is named like a secret: build-argument values are recorded in the image history and the build provenance";
    /** The values secret-in-environment also treats as settings rather than secrets. */
    private static final Set<String> SWITCH_VALUES = Set.of("", "yes", "no", "true", "false", "0", "1");
    private static final String MOUNTED_SECRETS = "/run/secrets";
    private static final Pattern BUILD_KEY_NAME = Pattern.compile("(?i)(?:.*_)?(?:SSH|DEPLOY)_KEY");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Image image) {
        Set<String> reportedElsewhere = reportedBySecretInEnvironment(image);
        List<Finding> findings = new ArrayList<>();
        for (EnvVar arg : image.globalArgs()) {
            if (isSecretName(arg.name()) && !reportedElsewhere.contains(key(arg.origin(), arg.name()))) {
                findings.add(Finding.of(INFO, arg.origin(), "global ARG " + arg.name() + ARGUMENT_PROBLEM));
            }
        }
        for (int stage = 0; stage < image.stages().size(); stage++) {
            String where = BuildStages.describe(image, stage);
            for (Instruction instruction : image.stages().get(stage).instructions()) {
                variables(instruction, where, reportedElsewhere).forEach(findings::add);
            }
        }
        for (CopyInstruction copy : CopyInstruction.in(image)) {
            secretFiles(copy, BuildStages.describe(image, copy.stage())).ifPresent(findings::add);
        }
        return findings.stream();
    }

    private static Stream<Finding> variables(Instruction instruction, String where, Set<String> reportedElsewhere) {
        String keyword = instruction.keyword();
        boolean isArg = keyword.equals("ARG");
        if (!isArg && !keyword.equals("ENV")) return Stream.empty();
        String shownKeyword = (instruction.onbuild() ? "ONBUILD " : "") + keyword;
        return BuildVariables.declarations(instruction).stream()
                .filter(variable -> isSecretName(variable.name()))
                .filter(variable -> isArg || mayHoldASecret(variable.value()))
                .filter(variable -> !reportedElsewhere.contains(key(instruction.origin(), variable.name())))
                .map(variable -> Finding.of(INFO, instruction.origin(), shownKeyword + " " + variable.name() + " in " + where
                        + (isArg ? ARGUMENT_PROBLEM : " is named like a secret: ENV values stay in the image configuration "
                        + "(docker inspect) and reach every process of the container")));
    }

    /**
     * secret-in-environment's names, and the build's own: {@code SSH_KEY} and {@code DEPLOY_KEY} are
     * how private keys are passed to {@code git clone} in a build.
     */
    private static boolean isSecretName(String name) {
        return SecretClassifier.isSecretName(name) || BUILD_KEY_NAME.matcher(name).matches();
    }

    /** An ENV value that may be a secret: not empty, not a switch ({@code true}, {@code 0} …), not a path under {@code /run/secrets}. */
    private static boolean mayHoldASecret(String value) {
        if (value == null) return false;
        String stripped = value.strip();
        return !SWITCH_VALUES.contains(stripped.toLowerCase(Locale.ROOT))
                && !stripped.equals(MOUNTED_SECRETS) && !stripped.startsWith(MOUNTED_SECRETS + "/");
    }

    private static Optional<Finding> secretFiles(CopyInstruction copy, String where) {
        List<String> secrets = new ArrayList<>();
        for (CopyInstruction.Source source : copy.sources()) {
            if (source.hereDocument() || source.isRemote()) continue;
            SecretFileName.credentialIn(source.text(), copy.destination())
                    .ifPresent(kind -> secrets.add("'" + source.written() + "' (" + kind + ")"));
        }
        if (secrets.isEmpty() && !copy.sources().isEmpty()) {
            SecretFileName.credentialWrittenTo(copy.destination())
                    .ifPresent(kind -> secrets.add("'" + copy.destination() + "' (" + kind + ")"));
        }
        if (secrets.isEmpty()) return Optional.empty();
        String shown = String.join(", ", secrets.subList(0, Math.min(SHOWN_FILES, secrets.size())))
                + (secrets.size() > SHOWN_FILES ? " and " + (secrets.size() - SHOWN_FILES) + " more" : "");
        return Optional.of(Finding.of(INFO, copy.instruction().origin(), copy.instruction().keyword() + " puts " + shown
                + " into a layer of " + where + ", where it stays even if a later step deletes it"));
    }

    /**
     * The ARG and ENV entries secret-in-environment reports: literal (not interpolated) values the
     * shared classifier calls secret, in the global ARGs and in the final stage's ARGs and ENVs.
     */
    private static Set<String> reportedBySecretInEnvironment(Image image) {
        Set<String> reported = new HashSet<>();
        Stream.of(image.globalArgs(), image.args(), image.environment())
                .flatMap(List::stream)
                .filter(variable -> variable.valueSource() == EnvVar.ValueSource.LITERAL && !variable.interpolated())
                .filter(variable -> SecretClassifier.classify(variable.name(), variable.value()).isPresent())
                .forEach(variable -> reported.add(key(variable.origin(), variable.name())));
        return reported;
    }

    private static String key(Origin origin, String name) {
        return origin + " " + name;
    }
}
