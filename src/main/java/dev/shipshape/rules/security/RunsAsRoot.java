package dev.shipshape.rules.security;

import dev.shipshape.model.Container;
import dev.shipshape.model.Image;
import dev.shipshape.model.Instruction;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Stage;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ContainerRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.ImageRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.Reference.PodSecurityLevel;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.systems.KnownSystems;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Flags containers and images whose process runs as root (uid 0).
 *
 * <ul>
 *   <li>Compose, stack, live Docker: {@code user} is root ({@code root}, {@code 0}, {@code 0:0},
 *       {@code root:staff}); or {@code user} is unset and the image's USER (from the Dockerfile the
 *       service is built from, when the scan has it) is unset or root. With no Dockerfile at hand the
 *       finding says that the image decides, unless the image is one known to end with a non-root
 *       USER (the catalogue's non-root images, docs/known-systems.md: prom/prometheus, grafana/grafana, Elastic's images…).</li>
 *   <li>Kubernetes: {@code runAsUser: 0}; or {@code runAsUser} unset and {@code runAsNonRoot} not
 *       true, and the image is not one known to end with a non-root USER. A non-zero
 *       {@code runAsUser} without {@code runAsNonRoot} is not a finding: the process does run as that
 *       non-root uid.</li>
 *   <li>Dockerfile: the final stage's USER is root, or no USER is set (also not inherited from an
 *       earlier stage the final stage is built {@code FROM}). A USER given as a variable
 *       ({@code USER $APP_USER}) is not known until build time and is not a finding.</li>
 * </ul>
 * Init and ephemeral containers count like any other.
 */
public final class RunsAsRoot implements ContainerRule, ImageRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-102", "runs-as-root")
            .pillar(Pillar.SECURITY)
            .severity(Severity.HIGH)
            .title("Container runs as root")
            .rationale("""
                    Root in a container is root on the host's kernel: one kernel bug, one writable host \
                    mount or one added capability away from owning the host. A non-root user turns most \
                    container escapes into dead ends. Images run as root unless their USER or the \
                    deployment says otherwise; a few widely used images (prom/prometheus, grafana/grafana, \
                    Elastic's, Bitnami's…) end with a non-root USER and are not reported when run without one.""")
            .remediation("Run as a non-root user: set `user: \"10001:10001\"` (Compose), "
                    + "`securityContext.runAsNonRoot: true` with `runAsUser: 10001` (Kubernetes), "
                    + "or end the Dockerfile's final stage with `USER 10001`.")
            .remediation(SourceKind.COMPOSE, "Set `user: \"10001:10001\"` on the service, or end the image's Dockerfile with "
                    + "`USER 10001`.")
            .remediation(SourceKind.KUBERNETES, "Set `securityContext.runAsNonRoot: true` with `runAsUser: 10001` on the pod "
                    + "or container.")
            .remediation(SourceKind.LIVE_DOCKER, "Run the container with `--user 10001:10001` (Engine API `Config.User`), or "
                    + "end the image's Dockerfile with `USER 10001`.")
            .remediation(SourceKind.DOCKERFILE, "End the final stage with `USER 10001` (create the user first with "
                    + "`useradd`/`adduser` if the base image has none).")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.DOCKERFILE,
                    SourceKind.LIVE_DOCKER)
            .references(Reference.cisDocker("4.1"), Reference.podSecurity(PodSecurityLevel.RESTRICTED))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        return (workload.source() == SourceKind.KUBERNETES ? kubernetes(container) : docker(workload, container)).stream();
    }

    @Override
    public Stream<Finding> check(Image image) {
        Setting<String> user = effectiveUser(image);
        String dockerfile = "Dockerfile '" + image.file() + "'";
        if (!user.isSet()) {
            return Stream.of(Finding.of(INFO, user.origin(), dockerfile + " sets no USER, so the image runs as root"));
        }
        return UserSpec.parse(user.value()).isRoot()
                ? Stream.of(Finding.of(INFO, user.origin(), "%s runs the image as root (USER %s)".formatted(dockerfile, user.value())))
                : Stream.empty();
    }

    private static Optional<Finding> kubernetes(Container container) {
        Setting<String> user = container.user();
        if (user.isSet()) {
            return UserSpec.parse(user.value()).isRoot()
                    ? Optional.of(Finding.of(INFO, user.origin(), container.description() + " runs as root (runAsUser: 0)"))
                    : Optional.empty();
        }
        Setting<Boolean> runAsNonRoot = container.runAsNonRoot();
        if (runAsNonRoot.isTrue() || setsNonRootUser(container)) return Optional.empty();
        String why = runAsNonRoot.isFalse()
                ? "sets runAsNonRoot: false and no runAsUser"
                : "sets neither runAsNonRoot: true nor runAsUser";
        return Optional.of(Finding.of(INFO, runAsNonRoot.origin(),
                "%s %s: unless its image sets a non-root USER, it runs as root".formatted(container.description(), why)));
    }

    private static Optional<Finding> docker(Workload workload, Container container) {
        Setting<String> user = container.user();
        if (user.isSet() && !user.value().isBlank()) {
            return UserSpec.parse(user.value()).isRoot()
                    ? Optional.of(Finding.of(INFO, user.origin(),
                            "%s runs as root (user: \"%s\")".formatted(container.description(), user.value())))
                    : Optional.empty();
        }
        if (container.builtFrom().isPresent()) {
            Image image = container.builtFrom().get();
            Setting<String> imageUser = effectiveUser(image);
            String dockerfile = "Dockerfile '" + image.file() + "'";
            if (!imageUser.isSet()) {
                return Optional.of(Finding.of(INFO, container.origin(), "%s sets no user and its %s sets no USER, so it runs as root"
                        .formatted(container.description(), dockerfile)));
            }
            return UserSpec.parse(imageUser.value()).isRoot()
                    ? Optional.of(Finding.of(INFO, container.origin(), "%s sets no user and its %s ends with USER %s, so it runs as root"
                            .formatted(container.description(), dockerfile, imageUser.value())))
                    : Optional.empty();
        }
        if (workload.source() == SourceKind.LIVE_DOCKER) {
            // A live container's config already carries its image's USER: unset means root.
            return Optional.of(Finding.of(INFO, container.origin(),
                    container.description() + " runs as root: neither it nor its image sets a user"));
        }
        if (setsNonRootUser(container)) return Optional.empty();
        String image = container.image().isSet() && !container.image().value().isBlank() ? "image '" + container.image().value() + "'" : "its image";
        return Optional.of(Finding.of(INFO, container.origin(), "%s sets no user: unless %s sets a non-root USER, it runs as root"
                .formatted(container.description(), image)));
    }

    /** The container's image is one that is known to end with a non-root USER (the catalogue's {@code nonRootImages}). */
    private static boolean setsNonRootUser(Container container) {
        return container.image().isSet() && KnownSystems.catalogue().nonRootImage(container.image().value()).isPresent();
    }

    /**
     * The USER the image's final stage runs with: its own last USER, or, when it has none and is
     * built {@code FROM} an earlier stage, that stage's (and so on). Unset, at the last FROM, when
     * no stage in that chain sets one.
     */
    static Setting<String> effectiveUser(Image image) {
        if (image.user().isSet() || image.stages().isEmpty()) return image.user();
        List<Stage> stages = image.stages();
        int current = stages.size() - 1;
        while (true) {
            int parent = earlierStageNamed(stages, stages.get(current).baseImage(), current);
            if (parent < 0) return image.user();
            Optional<Instruction> user = lastUser(stages.get(parent));
            if (user.isPresent()) return Setting.of(user.get().arguments().strip(), user.get().origin());
            current = parent;
        }
    }

    /** The index of the stage before {@code before} that {@code from} names (stage names ignore case), or -1. */
    private static int earlierStageNamed(List<Stage> stages, String from, int before) {
        if (from == null) return -1;
        for (int index = before - 1; index >= 0; index--) {
            String name = stages.get(index).name();
            if (name != null && name.equalsIgnoreCase(from.strip())) return index;
        }
        return -1;
    }

    private static Optional<Instruction> lastUser(Stage stage) {
        return stage.instructions().stream()
                .filter(instruction -> instruction.keyword().equals("USER") && !instruction.onbuild())
                .reduce((first, second) -> second);
    }
}
