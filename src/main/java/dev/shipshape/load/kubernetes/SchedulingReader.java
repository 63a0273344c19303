package dev.shipshape.load.kubernetes;

import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.load.yaml.YamlNode.Entry;
import dev.shipshape.model.LabelSelector;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Scheduling;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SpreadTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads where a pod's replicas may run from its pod spec: {@code affinity.podAntiAffinity},
 * {@code topologySpreadConstraints} and {@code nodeSelector} (each entry a placement
 * constraint "key=value" at its key).
 *
 * <p>Each anti-affinity term and spread constraint is kept with its selectors ({@link SpreadTerm}),
 * as only one that matches the workload's own pods spreads them.
 *
 * <p>An empty {@code podAntiAffinity: {}} or {@code topologySpreadConstraints: []} spreads
 * nothing, so it counts as not written.
 */
final class SchedulingReader {

    private final Problems problems;
    private final LabelSelectorReader selectors;

    SchedulingReader(Problems problems) {
        this.problems = problems;
        this.selectors = new LabelSelectorReader(problems);
    }

    Scheduling read(Optional<Fields> podSpec, Origin workloadOrigin) {
        if (podSpec.isEmpty()) return Scheduling.unset(workloadOrigin);
        Fields spec = podSpec.get();
        boolean podAntiAffinity = spec.mapping("affinity")
                .flatMap(affinity -> affinity.mapping("podAntiAffinity"))
                .map(antiAffinity -> !antiAffinity.node().entries().isEmpty())
                .orElse(false);
        boolean topologySpread = !spec.list("topologySpreadConstraints").isEmpty();
        return new Scheduling(Setting.unset(workloadOrigin), podAntiAffinity, topologySpread, List.of(),
                nodeSelector(spec.mapping("nodeSelector")), spreadTerms(spec));
    }

    /** Required and preferred pod anti-affinity terms, then topology spread constraints, in that order. */
    private List<SpreadTerm> spreadTerms(Fields spec) {
        List<SpreadTerm> terms = new ArrayList<>();
        Optional<Fields> antiAffinity = spec.mapping("affinity").flatMap(affinity -> affinity.mapping("podAntiAffinity"));
        if (antiAffinity.isPresent()) {
            for (YamlNode item : antiAffinity.get().list("requiredDuringSchedulingIgnoredDuringExecution")) {
                Fields.ofItem(item, "a pod anti-affinity term", problems).ifPresent(term -> terms.add(term(term, item, true)));
            }
            for (YamlNode item : antiAffinity.get().list("preferredDuringSchedulingIgnoredDuringExecution")) {
                Fields.ofItem(item, "a weighted pod anti-affinity term", problems)
                        .flatMap(weighted -> weighted.mapping("podAffinityTerm"))
                        .ifPresent(term -> terms.add(term(term, item, true)));
            }
        }
        for (YamlNode item : spec.list("topologySpreadConstraints")) {
            Fields.ofItem(item, "a topology spread constraint", problems).ifPresent(term -> terms.add(term(term, item, false)));
        }
        return terms;
    }

    private SpreadTerm term(Fields term, YamlNode item, boolean antiAffinity) {
        Optional<LabelSelector> selector = term.mapping("labelSelector").map(selectors::selector);
        if (!antiAffinity) return new SpreadTerm(selector, List.of(), Optional.empty(), item.origin());
        List<String> namespaces = new ArrayList<>();
        for (YamlNode namespace : term.list("namespaces")) namespace.text().ifPresent(namespaces::add);
        Optional<LabelSelector> namespaceSelector = term.mapping("namespaceSelector").map(selectors::selector);
        return new SpreadTerm(selector, namespaces, namespaceSelector, item.origin());
    }

    private List<Setting<String>> nodeSelector(Optional<Fields> nodeSelector) {
        if (nodeSelector.isEmpty()) return List.of();
        List<Entry> entries = nodeSelector.get().node().entries();
        List<Setting<String>> constraints = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            YamlNode value = entry.value();
            if (value.isScalar()) {
                constraints.add(Setting.of(entry.key() + "=" + value.textOr(""), entry.origin()));
            } else {
                problems.warn(value.origin(), "the nodeSelector '" + entry.key() + "' should be a string, not " + value.describeType());
            }
        }
        return constraints;
    }
}
