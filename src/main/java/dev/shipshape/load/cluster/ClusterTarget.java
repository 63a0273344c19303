package dev.shipshape.load.cluster;

import java.util.Optional;

/**
 * Which cluster to audit and how much of it.
 *
 * @param kubeconfig {@code --kubeconfig}; else KUBECONFIG, else ~/.kube/config, else the pod's service account
 * @param context    {@code --context}; else the kubeconfig's current context
 * @param namespace  {@code --namespace}: only this namespace's objects (and no cluster-wide kinds); empty for all namespaces
 */
public record ClusterTarget(Optional<String> kubeconfig, Optional<String> context, Optional<String> namespace) {
}
