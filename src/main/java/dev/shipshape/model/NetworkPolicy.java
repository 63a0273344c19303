package dev.shipshape.model;

import java.util.List;

/**
 * A Kubernetes NetworkPolicy.
 *
 * @param podSelector       the pods it applies to in its namespace (empty: all of them)
 * @param podSelectorOrigin where {@code spec.podSelector} is written (the object's origin when it is not)
 * @param policyTypes       as written; empty when unset
 */
public record NetworkPolicy(String name, String namespace, Origin origin, LabelSelector podSelector, Origin podSelectorOrigin,
        List<String> policyTypes) {

    public NetworkPolicy {
        policyTypes = List.copyOf(policyTypes);
    }

    /** "NetworkPolicy 'deny-all'". */
    public String description() {
        return "NetworkPolicy '" + name + "'";
    }
}
