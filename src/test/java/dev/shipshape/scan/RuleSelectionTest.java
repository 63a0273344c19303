package dev.shipshape.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.model.Inventory;
import dev.shipshape.model.SourceKind;
import dev.shipshape.policy.Policy;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.InventoryRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Rule;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.RuleOptions;
import dev.shipshape.rules.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RuleSelectionTest {

    private static final List<Rule> RULES = List.of(rule("SS-901", "first-rule", "old-first"), rule("SS-902", "second-rule"),
            rule("SS-903", "third-rule"));

    @Test
    void runsEveryRuleByDefault() throws Exception {
        assertThat(names(RuleSelection.select(RULES, Policy.DEFAULT, Set.of(), Set.of())))
                .containsExactly("first-rule", "second-rule", "third-rule");
    }

    @Test
    void leavesOutWhatThePolicyDisablesAndWhatIsSkipped() throws Exception {
        Policy policy = new Policy(Optional.empty(), Set.of("second-rule"), Map.of(), RuleOptions.DEFAULTS);

        assertThat(names(RuleSelection.select(RULES, policy, Set.of(), Set.of("SS-903")))).containsExactly("first-rule");
    }

    @Test
    void onlyRulesNarrowsByNameAliasOrIdAndWinsOverThePolicy() throws Exception {
        Policy policy = new Policy(Optional.empty(), Set.of("second-rule"), Map.of(), RuleOptions.DEFAULTS);

        assertThat(names(RuleSelection.select(RULES, policy, Set.of("old-first", "SS-902"), Set.of())))
                .containsExactly("first-rule", "second-rule");
    }

    @Test
    void anUnknownRuleNameIsAConfigurationError() {
        assertThatThrownBy(() -> RuleSelection.select(RULES, Policy.DEFAULT, Set.of("first-rule"), Set.of("no-such-rule")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("unknown rule 'no-such-rule'; run `shipshape rules` to list them");
        assertThatThrownBy(() -> RuleSelection.select(RULES, Policy.DEFAULT, Set.of("all"), Set.of()))
                .hasMessage("unknown rule 'all'; run `shipshape rules` to list them");
    }

    private static List<String> names(List<Rule> rules) {
        return rules.stream().map(rule -> rule.info().name()).toList();
    }

    private static Rule rule(String id, String name, String... aliases) {
        RuleInfo info = RuleInfo.builder(id, name).aliases(aliases).pillar(Pillar.SECURITY).severity(Severity.LOW)
                .title("A rule").rationale("Because.").remediation("Fix it.").appliesTo(SourceKind.COMPOSE).build();
        return new InventoryRule() {
            @Override
            public RuleInfo info() {
                return info;
            }

            @Override
            public Stream<Finding> check(Inventory inventory) {
                return Stream.empty();
            }
        };
    }

    @Test
    void globsSelectByNameAliasOrId() throws ConfigurationException {
        assertThat(names(RuleSelection.select(RULES, Policy.DEFAULT, Set.of("first-*"), Set.of()))).containsExactly("first-rule");
        assertThat(names(RuleSelection.select(RULES, Policy.DEFAULT, Set.of("SS-90?"), Set.of("old-*"))))
                .containsExactly("second-rule", "third-rule");
    }

    @Test
    void aGlobThatMatchesNothingIsAnError() {
        assertThatThrownBy(() -> RuleSelection.select(RULES, Policy.DEFAULT, Set.of("daemon-*"), Set.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("no rule matches 'daemon-*'; run `shipshape rules` to list them");
    }

    @Test
    void aTypoSuggestsTheNearestName() {
        assertThatThrownBy(() -> RuleSelection.select(RULES, Policy.DEFAULT, Set.of(), Set.of("frist-rule")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("unknown rule 'frist-rule'; did you mean 'first-rule'? run `shipshape rules` to list them");
    }
}
