package dev.shipshape.load.kubernetes;

import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.model.LabelSelector;
import dev.shipshape.model.NetworkPolicy;
import dev.shipshape.model.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a NetworkPolicy (networking.k8s.io/v1, extensions/v1beta1). {@code spec.podSelector} is
 * required by the API; an empty one (or, read leniently, a missing one) selects every pod of the namespace.
 */
final class NetworkPolicyReader {

    private final Problems problems;
    private final LabelSelectorReader selectors;

    NetworkPolicyReader(Problems problems) {
        this.problems = problems;
        this.selectors = new LabelSelectorReader(problems);
    }

    NetworkPolicy read(ManifestObject object, ObjectMetadata metadata) {
        Origin origin = object.kindOrigin();
        Optional<Fields> spec = object.fields().mapping("spec");
        Optional<Fields> podSelector = spec.flatMap(fields -> fields.mapping("podSelector"));
        Origin selectorOrigin = spec.flatMap(fields -> fields.entry("podSelector")).map(entry -> entry.origin()).orElse(origin);
        List<String> policyTypes = new ArrayList<>();
        spec.ifPresent(fields -> {
            for (YamlNode type : fields.list("policyTypes")) type.text().ifPresent(policyTypes::add);
        });
        LabelSelector selector = podSelector.map(selectors::selector).orElse(LabelSelector.of(Map.of()));
        return new NetworkPolicy(metadata.name(), metadata.namespace(), origin, selector, selectorOrigin, policyTypes);
    }
}
