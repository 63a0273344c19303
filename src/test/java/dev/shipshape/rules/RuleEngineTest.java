package dev.shipshape.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Container;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.Workload;
import dev.shipshape.scan.SourceLoader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine sorts the rules by hook once; this holds it to what asking every rule for every hook
 * in turn (how it used to walk an inventory) finds: the same findings in the same order, for every
 * built-in rule over every rule's fixtures.
 */
class RuleEngineTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.shipshape.rules.RuleFixtures#ruleFolders")
    void findsWhatEveryRuleAskedInTurnFinds(String ruleFolder) throws IOException {
        List<Rule> rules = BuiltInRules.all();
        RuleEngine engine = new RuleEngine(rules);
        SourceLoader loader = new SourceLoader(RuleFixtures.ENVIRONMENT);
        for (RuleFixtures.FixtureFile fixture : RuleFixtures.filesOf(RuleFixtures.ROOT.resolve(ruleFolder))) {
            Inventory inventory = loader.load(fixture.path(), fixture.shownPath(), fixture.kind()).inventory();

            assertThat(engine.run(inventory)).as(fixture.shownPath()).isEqualTo(ruleByRule(rules, inventory));
        }
    }

    /** Each rule in turn, each of its hooks in turn, then the stable sort by location. */
    private static List<Finding> ruleByRule(List<Rule> rules, Inventory inventory) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule instanceof ContainerRule hook) {
                for (Workload workload : inventory.workloads()) {
                    for (Container container : workload.containers()) hook.check(workload, container).forEach(findings::add);
                }
            }
            if (rule instanceof WorkloadRule hook) inventory.workloads().forEach(workload -> hook.check(workload).forEach(findings::add));
            if (rule instanceof ImageRule hook) inventory.images().forEach(image -> hook.check(image).forEach(findings::add));
            if (rule instanceof NetworkRule hook) inventory.networks().forEach(network -> hook.check(network).forEach(findings::add));
            if (rule instanceof VolumeRule hook) inventory.volumes().forEach(volume -> hook.check(volume).forEach(findings::add));
            if (rule instanceof DaemonRule hook) inventory.daemons().forEach(daemon -> hook.check(daemon).forEach(findings::add));
            if (rule instanceof InventoryRule hook) hook.check(inventory).forEach(findings::add);
        }
        findings.sort(Finding.BY_LOCATION);
        return findings;
    }
}
