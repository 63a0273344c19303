package dev.shipshape.rules;

/**
 * A check written once against the model. Rules are pure: model in, findings out; they never
 * know whether the model came from a file, a live host or a request at the gate.
 *
 * <p>A rule implements one or more of the narrow hooks; the {@link RuleEngine} walks the model
 * and calls each hook a rule implements.
 */
public sealed interface Rule permits ContainerRule, WorkloadRule, ImageRule, NetworkRule, VolumeRule, DaemonRule, InventoryRule {

    RuleInfo info();
}
