package dev.shipshape.model;

/** A Kubernetes PodDisruptionBudget: how many of the pods it selects may be down at once during voluntary disruptions. */
public record DisruptionBudget(String name, String namespace, Origin origin, LabelSelector selector) {
}
