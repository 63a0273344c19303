package dev.shipshape.model;

import java.util.List;

/**
 * Where a workload's replicas may run.
 *
 * @param mode               Swarm {@code deploy.mode} (replicated, global); unset otherwise
 * @param podAntiAffinity    Kubernetes {@code affinity.podAntiAffinity} is written
 * @param topologySpread     Kubernetes {@code topologySpreadConstraints} has entries
 * @param placementPreferences Swarm {@code deploy.placement.preferences} spread entries
 * @param placementConstraints Swarm {@code deploy.placement.constraints}; Kubernetes nodeSelector / node affinity terms
 * @param spreadTerms       Kubernetes pod anti-affinity terms (required and preferred) and topology spread constraints
 */
public record Scheduling(
        Setting<String> mode,
        boolean podAntiAffinity,
        boolean topologySpread,
        List<Setting<String>> placementPreferences,
        List<Setting<String>> placementConstraints,
        List<SpreadTerm> spreadTerms) {

    public Scheduling {
        placementPreferences = List.copyOf(placementPreferences);
        placementConstraints = List.copyOf(placementConstraints);
        spreadTerms = List.copyOf(spreadTerms);
    }

    /** Scheduling without Kubernetes spread terms (Swarm, Compose, live containers). */
    public Scheduling(Setting<String> mode, boolean podAntiAffinity, boolean topologySpread,
            List<Setting<String>> placementPreferences, List<Setting<String>> placementConstraints) {
        this(mode, podAntiAffinity, topologySpread, placementPreferences, placementConstraints, List.of());
    }

    public static Scheduling unset(Origin owner) {
        return new Scheduling(Setting.unset(owner), false, false, List.of(), List.of());
    }

    /** True when something spreads the replicas over nodes. */
    public boolean spreadsReplicas() {
        return podAntiAffinity || topologySpread || !placementPreferences.isEmpty();
    }
}
