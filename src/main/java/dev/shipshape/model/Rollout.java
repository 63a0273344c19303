package dev.shipshape.model;

/**
 * How a workload's new version replaces the old one.
 *
 * @param strategy       Kubernetes {@code strategy.type} / {@code updateStrategy.type} (RollingUpdate,
 *                       Recreate, OnDelete); for a Swarm service, "rolling" at the {@code update_config}
 *                       key when it is written; unset when nothing is written
 * @param maxUnavailable Kubernetes {@code rollingUpdate.maxUnavailable} (a count or a percentage)
 * @param order          Swarm {@code update_config.order}: stop-first or start-first
 * @param failureAction  Swarm {@code update_config.failure_action}: pause, continue or rollback
 */
public record Rollout(Setting<String> strategy, Setting<String> maxUnavailable, Setting<String> order, Setting<String> failureAction) {

    public static Rollout unset(Origin owner) {
        return new Rollout(Setting.unset(owner), Setting.unset(owner), Setting.unset(owner), Setting.unset(owner));
    }
}
