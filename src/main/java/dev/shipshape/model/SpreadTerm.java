package dev.shipshape.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Kubernetes pod anti-affinity term or topology spread constraint: it spreads the pods its
 * label selector matches, in the namespaces it covers.
 *
 * @param selector          its {@code labelSelector}; empty when none is written (then it matches no pod)
 * @param namespaces        an anti-affinity term's {@code namespaces}
 * @param namespaceSelector an anti-affinity term's {@code namespaceSelector}; empty when not written
 * @param origin            the term's list item
 */
public record SpreadTerm(Optional<LabelSelector> selector, List<String> namespaces, Optional<LabelSelector> namespaceSelector,
        Origin origin) {

    /** The label every namespace carries with its own name. */
    private static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

    public SpreadTerm {
        namespaces = List.copyOf(namespaces);
    }

    /**
     * True when the term, written in the pod spec of a workload with these pod labels in this
     * namespace, counts the workload's own pods: its selector matches them, and it looks in the
     * pod's own namespace (neither {@code namespaces} nor {@code namespaceSelector} written), lists it, or is one its namespace selector selects ({@code {}}
     * selects all; a selector on other namespace labels than the name cannot be judged from files
     * and is taken to select it).
     */
    public boolean counts(Map<String, String> podLabels, String podNamespace) {
        if (selector.isEmpty() || !selector.get().matches(podLabels)) return false;
        if (namespaces.isEmpty() && namespaceSelector.isEmpty()) return true;
        String namespace = Objects.requireNonNullElse(podNamespace, "default");
        if (namespaces.contains(namespace)) return true;
        if (namespaceSelector.isEmpty()) return false;
        LabelSelector byNamespace = namespaceSelector.get();
        boolean onNameOnly = byNamespace.matchLabels().keySet().stream().allMatch(NAMESPACE_NAME_LABEL::equals)
                && byNamespace.expressions().stream().allMatch(requirement -> requirement.key().equals(NAMESPACE_NAME_LABEL));
        return !onNameOnly || byNamespace.matches(Map.of(NAMESPACE_NAME_LABEL, namespace));
    }
}
