package dev.shipshape.rules.security;

import dev.shipshape.model.ConfigMap;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.SecretManifest;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.rules.SingleObjectRule;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Flags a Secret manifest that carries values in {@code data} or {@code stringData} (once, at its
 * first key, naming every key), except the kinds whose data Kubernetes fills in itself
 * ({@code kubernetes.io/service-account-token}); and each ConfigMap entry that
 * {@link SecretClassifier} (the judgement of {@code secret-in-environment}) calls a secret, by its
 * key's name or by a credential's shape in its value; a value that is a file of settings (an env
 * file, properties, YAML) is judged line by line too, each {@code NAME=value} or {@code name: value}
 * line as a variable, leaving out templated values ({@code ${…}}, {@code {{…}}}). Values are never printed.
 */
public final class SecretInManifest implements SingleObjectRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-146", "secret-in-manifest")
            .pillar(Pillar.SECURITY)
            .severity(Severity.HIGH)
            .title("Secret value written in a manifest")
            .rationale("""
                    A Secret's data is only base64, not encryption: a manifest with literal values puts \
                    the secret in version control, in every copy of the repository and in CI logs, where \
                    it cannot be rotated without a commit and stays in history. A ConfigMap is worse: \
                    it is meant to be read, and RBAC gives it out to many more people than Secrets.""")
            .remediation("Keep Secret values out of the repository: create them from a secret store (External Secrets, "
                    + "Sealed Secrets, SOPS, the CSI secrets driver) or with `kubectl create secret` at deploy time; move "
                    + "secrets out of ConfigMap `data` into a Secret. Rotate any secret that was committed.")
            .appliesTo(SourceKind.KUBERNETES)
            .references(
                    Reference.url("CIS Kubernetes Benchmark 5.4.1: prefer using secrets as files over secrets as environment variables",
                            "https://www.cisecurity.org/benchmark/kubernetes"),
                    Reference.url("Kubernetes: good practices for Secrets",
                            "https://kubernetes.io/docs/concepts/security/secrets-good-practices/"))
            .build();

    /** Secret types whose data the control plane writes, not the manifest's author. */
    private static final List<String> FILLED_BY_KUBERNETES = List.of("kubernetes.io/service-account-token");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Inventory inventory) {
        // at the gate mostly none: no stream pipeline is built for nothing
        if (inventory.kubernetes().secrets().isEmpty() && inventory.kubernetes().configMaps().isEmpty()) return Stream.empty();
        return Stream.concat(
                inventory.kubernetes().secrets().stream().flatMap(secret -> finding(secret).stream()),
                inventory.kubernetes().configMaps().stream().flatMap(SecretInManifest::findings));
    }

    private static Optional<Finding> finding(SecretManifest secret) {
        if (FILLED_BY_KUBERNETES.contains(secret.type())) return Optional.empty();
        List<Setting<String>> keys = Stream.concat(secret.dataKeys().stream(), secret.stringDataKeys().stream()).toList();
        if (keys.isEmpty()) return Optional.empty();
        Setting<String> first = keys.stream().min((a, b) -> a.origin().compareTo(b.origin())).orElseThrow();
        List<String> names = keys.stream().map(Setting::value).toList();
        return Optional.of(Finding.of(INFO, first.origin(), "%s writes %d literal %s in the manifest (%s)".formatted(
                secret.description(), keys.size(), keys.size() == 1 ? "value" : "values", String.join(", ", names))));
    }

    private static Stream<Finding> findings(ConfigMap configMap) {
        return configMap.data().stream().flatMap(entry -> {
            Optional<SecretClassifier.Verdict> whole = SecretClassifier.classify(entry.key(), entry.value());
            if (whole.isPresent()) {
                return Stream.of(Finding.of(INFO, entry.origin(), "%s holds %s under key '%s'"
                        .formatted(configMap.description(), describe(whole.get()), entry.key())));
            }
            return settingLines(entry.value())
                    .filter(line -> SecretClassifier.classify(line.name(), line.value()).isPresent())
                    .findFirst()
                    .map(line -> Finding.of(INFO, entry.origin(), "%s holds a secret under key '%s', in its setting %s"
                            .formatted(configMap.description(), entry.key(), line.name())))
                    .stream();
        });
    }

    /** One {@code NAME=value} or {@code name: value} line of a settings file held in a ConfigMap value. */
    private record SettingLine(String name, String value) {
    }

    private static final Pattern SETTING = Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\\s*[=:]\\s*(.*?)\\s*$");

    private static Stream<SettingLine> settingLines(String value) {
        if (!value.contains("\n") && !value.contains("=")) return Stream.empty();
        return value.lines()
                .map(SETTING::matcher)
                .filter(Matcher::matches)
                .map(matcher -> new SettingLine(matcher.group(1), unquoted(matcher.group(2))))
                .filter(line -> !line.value().contains("${") && !line.value().contains("{{"));
    }

    private static String unquoted(String value) {
        boolean quoted = value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"));
        return quoted ? value.substring(1, value.length() - 1) : value;
    }

    private static String describe(SecretClassifier.Verdict verdict) {
        return verdict.shape()
                .map(found -> "what looks like " + found.shape().description() + " (" + found.preview() + ")")
                .orElse("a secret");
    }
}
