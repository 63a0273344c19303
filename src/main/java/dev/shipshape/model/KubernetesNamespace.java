package dev.shipshape.model;

/** A Kubernetes Namespace object in the scanned set. */
public record KubernetesNamespace(String name, Origin origin) {
}
