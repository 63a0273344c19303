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
import java.util.function.Consumer;

/**
 * Walks an inventory and calls every hook of every selected rule; the result is sorted by location.
 *
 * <p>The rules are sorted by hook once, here, rather than each tested against seven hooks per
 * inventory: the gate runs every rule on a one-object inventory per request. Hook by hook, each rule's hooks still run
 * in the order they always did (container, workload, image, network, volume, daemon, inventory);
 * findings of different rules never compare equal by location (their ids differ), so the stable
 * sort leaves them in the order rule-by-rule walking gave ({@code RuleEngineTest} holds it to that).
 */
public final class RuleEngine {

    private final List<Rule> rules;
    private final List<ContainerRule> containerRules;
    private final List<WorkloadRule> workloadRules;
    private final List<ImageRule> imageRules;
    private final List<NetworkRule> networkRules;
    private final List<VolumeRule> volumeRules;
    private final List<DaemonRule> daemonRules;
    private final List<InventoryRule> inventoryRules;

    public RuleEngine(List<? extends Rule> rules) {
        this.rules = List.copyOf(rules);
        this.containerRules = implementing(this.rules, ContainerRule.class);
        this.workloadRules = implementing(this.rules, WorkloadRule.class);
        this.imageRules = implementing(this.rules, ImageRule.class);
        this.networkRules = implementing(this.rules, NetworkRule.class);
        this.volumeRules = implementing(this.rules, VolumeRule.class);
        this.daemonRules = implementing(this.rules, DaemonRule.class);
        this.inventoryRules = implementing(this.rules, InventoryRule.class);
    }

    public static RuleEngine only(Rule rule) {
        return new RuleEngine(List.of(rule));
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<Finding> run(Inventory inventory) {
        List<Finding> findings = new ArrayList<>();
        // one consumer per run, not a new findings::add per hook call
        Consumer<Finding> add = findings::add;
        // object by object under each rule: an inventory without images (every request at the gate) calls no image hook
        for (ContainerRule rule : containerRules) {
            for (Workload workload : inventory.workloads()) {
                for (Container container : workload.containers()) rule.check(workload, container).forEach(add);
            }
        }
        for (WorkloadRule rule : workloadRules) {
            for (Workload workload : inventory.workloads()) rule.check(workload).forEach(add);
        }
        for (ImageRule rule : imageRules) {
            for (Image image : inventory.images()) rule.check(image).forEach(add);
        }
        for (NetworkRule rule : networkRules) {
            for (Network network : inventory.networks()) rule.check(network).forEach(add);
        }
        for (VolumeRule rule : volumeRules) {
            for (Volume volume : inventory.volumes()) rule.check(volume).forEach(add);
        }
        for (DaemonRule rule : daemonRules) {
            for (DaemonConfig daemon : inventory.daemons()) rule.check(daemon).forEach(add);
        }
        for (InventoryRule rule : inventoryRules) rule.check(inventory).forEach(add);
        findings.sort(Finding.BY_LOCATION);
        return findings;
    }

    private static <R extends Rule> List<R> implementing(List<Rule> rules, Class<R> hook) {
        return rules.stream().filter(hook::isInstance).map(hook::cast).toList();
    }
}
