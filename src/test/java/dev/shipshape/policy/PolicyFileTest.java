package dev.shipshape.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.rules.RuleOptions;
import dev.shipshape.rules.Severity;
import dev.shipshape.scan.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyFileTest {

    private static final String FILE = ".shipshape.yaml";
    private static final String VALID_KEYS =
            "valid keys: fail-on, disable, severity, require-digest, trusted-registries, required-labels, waivers, rules, enforce";

    @Test
    void anEmptyFileIsTheDefaultPolicy() throws Exception {
        assertThat(PolicyFile.parse(FILE, "")).isEqualTo(Policy.DEFAULT);
        assertThat(PolicyFile.parse(FILE, "# nothing here yet\n")).isEqualTo(Policy.DEFAULT);
    }

    @Test
    void readsEveryKey() throws Exception {
        Policy policy = PolicyFile.parse(FILE, """
                fail-on: medium
                disable: [privileged-container]
                severity:
                  privileged-container: low
                require-digest: true
                trusted-registries: [registry.example.com, ghcr.io/acme]
                required-labels:
                  - org.opencontainers.image.source
                """);

        assertThat(policy).isEqualTo(new Policy(
                Optional.of(Severity.MEDIUM),
                Set.of("privileged-container"),
                Map.of("privileged-container", Severity.LOW),
                new RuleOptions(true, List.of("registry.example.com", "ghcr.io/acme"), List.of("org.opencontainers.image.source"))));
    }

    @Test
    void keysLeftOutKeepTheirDefaults() throws Exception {
        Policy policy = PolicyFile.parse(FILE, "fail-on: critical\n");

        assertThat(policy.failOn()).contains(Severity.CRITICAL);
        assertThat(policy.disabledRules()).isEmpty();
        assertThat(policy.ruleOptions()).isEqualTo(RuleOptions.DEFAULTS);
    }

    @Test
    void aRuleMayBeNamedByItsIdAndIsStoredByName() throws Exception {
        Policy policy = PolicyFile.parse(FILE, "disable: [SS-101]\nseverity: {SS-101: info}\n");

        assertThat(policy.disabledRules()).containsExactly("privileged-container");
        assertThat(policy.severities()).containsExactly(Map.entry("privileged-container", Severity.INFO));
    }

    @Test
    void anEmptyListKeyMeansNone() throws Exception {
        Policy policy = PolicyFile.parse(FILE, "disable:\ntrusted-registries: []\n");

        assertThat(policy.disabledRules()).isEmpty();
        assertThat(policy.ruleOptions().trustedRegistries()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            fail_on: high                          | .shipshape.yaml:1:1: unknown key 'fail_on'; VALID_KEYS
            fail-on: hgh                           | .shipshape.yaml:1:10: fail-on must be one of critical, high, medium, low, info, not 'hgh'
            fail-on: [high]                        | .shipshape.yaml:1:10: fail-on must be a severity (critical, high, medium, low, info); found a list
            disable: privileged-container          | .shipshape.yaml:1:10: disable must be a list of rule names, like [privileged-container]; found 'privileged-container'
            disable: [no-such-rule]                | .shipshape.yaml:1:11: unknown rule 'no-such-rule'; run `shipshape rules` to list them
            disable: [all]                         | .shipshape.yaml:1:11: 'all' is not a rule name: list the rules one by one
            disable: [{privileged-container: x}]   | .shipshape.yaml:1:11: disable must be a rule name; found a mapping
            severity: [privileged-container]       | .shipshape.yaml:1:11: severity must be a mapping of rule names to severities, like {privileged-container: high}; found a list
            severity: {no-such-rule: low}          | .shipshape.yaml:1:12: unknown rule 'no-such-rule'; run `shipshape rules` to list them
            severity: {privileged-container: meh}  | .shipshape.yaml:1:34: the severity of 'privileged-container' must be one of critical, high, medium, low, info, not 'meh'
            require-digest: yes                    | .shipshape.yaml:1:17: require-digest must be true or false, not 'yes'
            require-digest: [true]                 | .shipshape.yaml:1:17: require-digest must be true or false, not a list
            trusted-registries: registry.example.com | .shipshape.yaml:1:21: trusted-registries must be a list of registry host names, like [registry.example.com]; found 'registry.example.com'
            required-labels: {a: b}                | .shipshape.yaml:1:18: required-labels must be a list of label keys, like [org.opencontainers.image.source]; found a mapping
            required-labels: ['']                  | .shipshape.yaml:1:19: required-labels has an empty item; remove it
            waivers: {rule: x}                     | .shipshape.yaml:1:10: waivers must be a list of waivers, each with rule, target, reason, owner, expires; found a mapping
            waivers: [privileged-container]        | .shipshape.yaml:1:11: a waiver must be a mapping with rule, target, reason, owner, expires; found 'privileged-container'
            rules: {name: x}                       | .shipshape.yaml:1:8: rules must be a list of custom rules, each with name, pillar, severity, title, match, expression, message, remediation; found a mapping
            rules: [team-label]                    | .shipshape.yaml:1:9: a custom rule must be a mapping with name, pillar, severity, title, match, expression, message, remediation; found 'team-label'
            - fail-on: high                        | .shipshape.yaml:1:1: the configuration must be a mapping of settings, not a list; VALID_KEYS
            """)
    void rejectsEachMistakeWithItsPlaceAndTheChoices(String text, String message) {
        assertThatThrownBy(() -> PolicyFile.parse(FILE, text + "\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(message.replace("VALID_KEYS", VALID_KEYS));
    }

    private static final String WAIVER = """
            waivers:
              - rule: privileged-container
                target: compose.yaml#services.web
                reason: needs /dev/kvm
                owner: platform-team@example.com
                expires: 2027-03-31
            """;

    @Test
    void readsAWaiverWithTheRulesCanonicalName() throws Exception {
        Policy policy = PolicyFile.parse(FILE, WAIVER.replace("rule: privileged-container", "rule: SS-101"));

        assertThat(policy.waivers()).singleElement().satisfies(waiver -> {
            assertThat(waiver.rule()).isEqualTo("privileged-container");
            assertThat(waiver.target().written()).isEqualTo("compose.yaml#services.web");
            assertThat(waiver.target()).isInstanceOf(WaiverTarget.ComposeService.class);
            assertThat(waiver.reason()).isEqualTo("needs /dev/kvm");
            assertThat(waiver.owner()).isEqualTo("platform-team@example.com");
            assertThat(waiver.expires()).isEqualTo(LocalDate.of(2027, 3, 31));
            assertThat(waiver.origin()).isEqualTo(dev.shipshape.model.Origin.at(FILE, 2, 5));
        });
    }

    static Stream<Arguments> waiverMistakes() {
        return Stream.of(
                Arguments.of("    owner: platform-team@example.com\n", "",
                        ".shipshape.yaml:2:5: waiver of 'privileged-container' has no 'owner': name who accepted the risk (a team or a person)"),
                Arguments.of("    reason: needs /dev/kvm\n", "",
                        ".shipshape.yaml:2:5: waiver of 'privileged-container' has no 'reason': say why the risk is accepted"),
                Arguments.of("    expires: 2027-03-31\n", "",
                        ".shipshape.yaml:2:5: waiver of 'privileged-container' has no 'expires': give the last day it holds, as YYYY-MM-DD"),
                Arguments.of("    target: compose.yaml#services.web\n", "",
                        ".shipshape.yaml:2:5: waiver of 'privileged-container' has no 'target': say what it applies to: "
                                + "FILE#services.NAME, Kind/namespace/name, image:NAME or a file glob"),
                Arguments.of("  - rule: privileged-container\n    target", "  - target",
                        ".shipshape.yaml:2:5: waiver has no 'rule': name the rule it waives"),
                Arguments.of("reason: needs /dev/kvm", "reason: ''",
                        ".shipshape.yaml:4:13: waiver of 'privileged-container' has an empty 'reason': say why the risk is accepted"),
                Arguments.of("owner: platform-team@example.com", "owner: [platform-team]",
                        ".shipshape.yaml:5:12: owner of a waiver must be text; found a list"),
                Arguments.of("2027-03-31", "2027-3-31",
                        ".shipshape.yaml:6:14: expires must be a date written YYYY-MM-DD, not '2027-3-31'"),
                Arguments.of("2027-03-31", "2027-02-30",
                        ".shipshape.yaml:6:14: expires '2027-02-30' is not a day of the calendar"),
                Arguments.of("rule: privileged-container", "rule: privileged",
                        ".shipshape.yaml:2:11: unknown rule 'privileged'; run `shipshape rules` to list them"),
                Arguments.of("compose.yaml#services.web", "compose.yaml#web",
                        ".shipshape.yaml:3:13: target 'compose.yaml#web': after '#' write services.NAME, like compose.yaml#services.web; found 'web'"),
                Arguments.of("compose.yaml#services.web", "'image:Not Valid'",
                        ".shipshape.yaml:3:13: target 'image:Not Valid': 'Not Valid' is not an image reference "
                                + "(like image:nginx or image:ghcr.io/acme/app:1.4)"),
                Arguments.of("expires: 2027-03-31", "expires: 2027-03-31\n    expiry: 2027-04-30",
                        ".shipshape.yaml:7:5: unknown key 'expiry' in a waiver; valid keys: rule, target, reason, owner, expires"),
                Arguments.of("expires: 2027-03-31", "expiry: 2027-03-31",
                        ".shipshape.yaml:6:5: unknown key 'expiry' in a waiver; valid keys: rule, target, reason, owner, expires\n"
                                + ".shipshape.yaml:2:5: waiver of 'privileged-container' has no 'expires': give the last day it holds, as YYYY-MM-DD"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("waiverMistakes")
    void rejectsEachWaiverMistakeWithItsLine(String written, String replacement, String message) {
        String text = WAIVER.replace(written, replacement);
        assertThat(text).isNotEqualTo(WAIVER);

        assertThatThrownBy(() -> PolicyFile.parse(FILE, text))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(message);
    }

    @Test
    void aWaiverMayNameACustomRuleOfTheSameFile() throws Exception {
        Policy policy = PolicyFile.parse(FILE, WAIVER.replace("rule: privileged-container", "rule: team-label-required") + """
                rules:
                  - name: team-label-required
                    pillar: orchestration
                    severity: medium
                    title: Every workload names its owning team
                    match: workload
                    expression: "'team' in workload.labels"
                    message: "{{workload.description}} has no team label"
                    remediation: Add a label team=<name>.
                disable: [team-label-required]
                """);

        assertThat(policy.waivers()).extracting(Waiver::rule).containsExactly("team-label-required");
        assertThat(policy.disabledRules()).containsExactly("team-label-required");
        assertThat(policy.customRules()).extracting(rule -> rule.info().id()).containsExactly("CUSTOM-team-label-required");
    }

    @Test
    void emptyWaiversAndRulesAreTheDefault() throws Exception {
        assertThat(PolicyFile.parse(FILE, "waivers: []\nrules:\n")).isEqualTo(Policy.DEFAULT);
    }

    @Test
    void namesTheLineOfAMistakeFurtherDown() {
        String text = """
                fail-on: high
                disable:
                  - privileged-container
                  - privilegd-container
                """;

        assertThatThrownBy(() -> PolicyFile.parse(FILE, text))
                .hasMessage(".shipshape.yaml:4:5: unknown rule 'privilegd-container'; run `shipshape rules` to list them");
    }

    @Test
    void reportsEveryMistakeAtOnce() {
        String text = """
                fail-on: hgh
                colour: red
                """;

        assertThatThrownBy(() -> PolicyFile.parse(FILE, text)).hasMessage("""
                .shipshape.yaml:1:10: fail-on must be one of critical, high, medium, low, info, not 'hgh'
                .shipshape.yaml:2:1: unknown key 'colour'; %s""".formatted(VALID_KEYS));
    }

    @Test
    void aKeyGivenTwiceIsAMistake() {
        assertThatThrownBy(() -> PolicyFile.parse(FILE, "fail-on: high\nfail-on: low\n"))
                .hasMessage(".shipshape.yaml:2:1: 'fail-on' is given twice (first at line 1); keep one");
    }

    @Test
    void aSyntaxErrorNamesItsPlace() {
        assertThatThrownBy(() -> PolicyFile.parse(FILE, "disable: [a, b\nfail-on: high\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(".shipshape.yaml:")
                .hasMessageContaining("YAML syntax error");
    }

    @Test
    void aSecondDocumentIsAMistake() {
        assertThatThrownBy(() -> PolicyFile.parse(FILE, "fail-on: high\n---\nfail-on: low\n"))
                .hasMessageStartingWith(".shipshape.yaml:3:1: a configuration file holds one YAML document");
    }

    @Test
    void findLooksUpwardFromAFileOrFolder(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve(".shipshape.yaml"), "fail-on: high\n");
        Path deep = Files.createDirectories(dir.resolve("a/b"));
        Path compose = Files.writeString(deep.resolve("compose.yaml"), "services: {}\n");

        assertThat(PolicyFile.find(deep)).contains(config);
        assertThat(PolicyFile.find(compose)).contains(config);
        assertThat(PolicyFile.find(dir)).contains(config);
    }

    @Test
    void findStopsAtTheTopOfTheRepository(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".shipshape.yaml"), "fail-on: high\n");
        Path repository = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectory(repository.resolve(".git"));
        Path app = Files.createDirectories(repository.resolve("app"));

        assertThat(PolicyFile.find(app)).isEmpty();

        Path inRepository = Files.writeString(repository.resolve(".shipshape.yaml"), "fail-on: low\n");
        assertThat(PolicyFile.find(app)).contains(inRepository);
    }

    @Test
    void readNamesAnUnreadableFile(@TempDir Path dir) {
        assertThatThrownBy(() -> PolicyFile.read(dir.resolve("missing.yaml"), "missing.yaml"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("missing.yaml: cannot read the configuration file: no such file");
    }
}
