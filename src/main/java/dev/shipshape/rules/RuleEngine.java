package dev.shipshape.rules;

import dev.shipshape.model.Container;
import dev.shipshape.model.DaemonConfig;
import dev.shipshape.model.Image;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.Network;
import dev.shipshape.model.Volume;
import dev.shipshape.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Walks an inventory and calls every hook of every selected rule; the result is sorted by location. */
public final class RuleEngine {

    private final List<Rule> rules;

    public RuleEngine(List<? extends Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static RuleEngine only(Rule rule) {
        return new RuleEngine(List.of(rule));
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<Finding> run(Inventory inventory) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            addFindings(rule, inventory, findings);
        }
        findings.sort(Finding.BY_LOCATION);
        return findings;
    }

    /** Adds what {@code rule} finds to {@code findings} (one list for all rules: the gate runs every rule per request). */
    private static void addFindings(Rule rule, Inventory inventory, List<Finding> findings) {
        if (rule instanceof ContainerRule containerRule) {
            for (Workload workload : inventory.workloads()) {
                for (Container container : workload.containers()) {
                    collect(findings, containerRule.check(workload, container));
                }
            }
        }
        if (rule instanceof WorkloadRule workloadRule) {
            for (Workload workload : inventory.workloads()) collect(findings, workloadRule.check(workload));
        }
        if (rule instanceof ImageRule imageRule) {
            for (Image image : inventory.images()) collect(findings, imageRule.check(image));
        }
        if (rule instanceof NetworkRule networkRule) {
            for (Network network : inventory.networks()) collect(findings, networkRule.check(network));
        }
        if (rule instanceof VolumeRule volumeRule) {
            for (Volume volume : inventory.volumes()) collect(findings, volumeRule.check(volume));
        }
        if (rule instanceof DaemonRule daemonRule) {
            for (DaemonConfig daemon : inventory.daemons()) collect(findings, daemonRule.check(daemon));
        }
        if (rule instanceof InventoryRule inventoryRule) {
            collect(findings, inventoryRule.check(inventory));
        }
    }

    private static void collect(List<Finding> into, Stream<Finding> findings) {
        findings.forEach(into::add);
    }
}
