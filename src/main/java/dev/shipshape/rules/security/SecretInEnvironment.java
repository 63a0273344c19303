package dev.shipshape.rules.security;

import dev.shipshape.model.Container;
import dev.shipshape.model.EnvVar;
import dev.shipshape.model.Image;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ContainerRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.ImageRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Flags secrets written as literal environment values or build arguments; never prints them (a URL's
 * password is masked). A value delivered by a secret store satisfies it: Compose and Swarm
 * {@code secrets:}, Kubernetes {@code secretKeyRef}/{@code secretRef} and projected or CSI secret-store
 * volumes, Vault Agent injector files, a Keywhiz mount, and {@code *_FILE} variables or values that point
 * under one of their paths. Which names and values count is {@link SecretClassifier}'s decision, public
 * so that the Kubernetes rules share it.
 */
public final class SecretInEnvironment implements ContainerRule, ImageRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-113", "secret-in-environment")
            .pillar(Pillar.SECURITY)
            .severity(Severity.HIGH)
            .title("Secret written as a literal environment value")
            .rationale("""
                    A secret written into a Compose file, a manifest or a Dockerfile is read by \
                    everyone who can read the repository, and it shows up in `docker inspect`, \
                    `kubectl get -o yaml`, the image's configuration and history, crash dumps and \
                    the environment of every child process. It cannot be rotated without a commit, \
                    and it stays in version control history after it is removed.""")
            .remediation("Compose and Swarm: declare the value under top-level `secrets:`, grant it to the "
                    + "service with `secrets:` and point the image at it with a `*_FILE` variable "
                    + "(`POSTGRES_PASSWORD_FILE: /run/secrets/db_password`); Kubernetes: use "
                    + "`valueFrom.secretKeyRef` (or `envFrom.secretRef`) instead of `value`; Dockerfile: "
                    + "pass build-time secrets with `RUN --mount=type=secret,id=…` and never put them in "
                    + "`ENV` or `ARG`. A secret store satisfies the rule: Vault Agent injector files (`/vault/secrets`), a "
                    + "Secrets Store CSI volume, a Keywhiz mount. Rotate any secret that was committed.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.DOCKERFILE,
                    SourceKind.LIVE_DOCKER)
            .references(
                    Reference.cisDocker("4.10"),
                    Reference.url("Kubernetes: good practices for Secrets",
                            "https://kubernetes.io/docs/concepts/security/secrets-good-practices/"),
                    Reference.url("Docker: build secrets", "https://docs.docker.com/build/building/secrets/"),
                    Reference.url("Docker Compose: use secrets", "https://docs.docker.com/compose/how-tos/use-secrets/"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        return container.environment().stream()
                .flatMap(variable -> findingFor(variable, container.description()));
    }

    @Override
    public Stream<Finding> check(Image image) {
        return Stream.of(
                        findings(image.globalArgs(), "a global ARG"),
                        findings(image.args(), "the final stage's ARG"),
                        findings(image.environment(), "the final stage's ENV"))
                .flatMap(stream -> stream);
    }

    private static Stream<Finding> findings(List<EnvVar> variables, String what) {
        return variables.stream().flatMap(variable -> findingFor(variable, what));
    }

    private static Stream<Finding> findingFor(EnvVar variable, String subject) {
        if (variable.valueSource() != EnvVar.ValueSource.LITERAL || variable.interpolated()) return Stream.empty();
        Optional<SecretClassifier.Verdict> verdict = SecretClassifier.classify(variable.name(), variable.value());
        return verdict.stream().map(found -> Finding.of(INFO, variable.origin(),
                subject + " sets " + variable.name() + " to " + found.describe()));
    }
}
