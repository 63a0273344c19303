package dev.shipshape.rules.security;

import dev.shipshape.model.Image;
import dev.shipshape.model.KeyValue;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.ImageRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.rules.WorkloadRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Flags a label key written twice in one object; the earlier value is silently lost. */
public final class DuplicateLabel implements WorkloadRule, ImageRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-115", "duplicate-label")
            .pillar(Pillar.SECURITY)
            .severity(Severity.LOW)
            .title("Label key set twice")
            .rationale("""
                    Labels route traffic (Traefik, Caddy), select pods for Services and network \
                    policies, and carry ownership and provenance. When a key is written twice, the \
                    later value silently wins: a reviewer who reads the first one approves a \
                    different setting than the one that runs.""")
            .remediation("Keep one entry per key in `labels:` (Compose, Swarm), `metadata.labels` (Kubernetes) "
                    + "or the final stage's `LABEL` instructions (Dockerfile), with the value that is meant.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.DOCKERFILE)
            .references(
                    Reference.url("Dockerfile reference: LABEL (the most recent value wins)",
                            "https://docs.docker.com/reference/dockerfile/#label"),
                    Reference.url("YAML 1.2.2: mapping keys are unique", "https://yaml.org/spec/1.2.2/#mapping"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload) {
        return repeats(workload.labels()).map(repeat -> repeat.finding(workload.description() + ": "));
    }

    @Override
    public Stream<Finding> check(Image image) {
        return repeats(image.labels()).map(repeat -> repeat.finding(""));
    }

    /** Every entry whose key an earlier entry already set, with that first entry and how many times the key is set so far. */
    private static Stream<Repeat> repeats(List<KeyValue> labels) {
        if (labels.size() < 2) return Stream.empty(); // nothing repeats, and two maps per workload at the gate are saved
        Map<String, KeyValue> first = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        List<Repeat> repeats = new ArrayList<>();
        for (KeyValue label : labels) {
            int times = seen.merge(label.key(), 1, Integer::sum);
            KeyValue earliest = first.putIfAbsent(label.key(), label);
            if (earliest != null) repeats.add(new Repeat(label, earliest, times));
        }
        return repeats.stream();
    }

    private record Repeat(KeyValue label, KeyValue first, int times) {

        Finding finding(String subject) {
            String count = times == 2 ? "twice" : times + " times";
            return Finding.of(INFO, label.origin(), "%slabel '%s' is set %s (first at line %d); the later value silently wins"
                    .formatted(subject, label.key(), count, first.origin().line()));
        }
    }
}
