package dev.shipshape.model;

/**
 * A Kubernetes PodDisruptionBudget: how many of the pods it selects may be down at once during voluntary disruptions.
 *
 * @param minAvailable   {@code minAvailable} as written (a number or a percentage), at its key
 * @param maxUnavailable {@code maxUnavailable} as written, at its key
 */
public record DisruptionBudget(String name, String namespace, Origin origin, LabelSelector selector,
        Setting<String> minAvailable, Setting<String> maxUnavailable) {

    /** A budget whose bounds are not known (or not needed). */
    public DisruptionBudget(String name, String namespace, Origin origin, LabelSelector selector) {
        this(name, namespace, origin, selector, Setting.unset(origin), Setting.unset(origin));
    }

    /** "PodDisruptionBudget 'web'". */
    public String description() {
        return "PodDisruptionBudget '" + name + "'";
    }
}
