package dev.shipshape.load.kubernetes;

import dev.shipshape.load.yaml.YamlNode.Entry;
import dev.shipshape.model.Suppression;
import java.util.List;

/**
 * Reads {@code ignore.shipshape.dev/<rule-name>: <reason>} annotations; each covers the lines of
 * the object that carries it (a pod template's cover its whole workload).
 */
final class SuppressionAnnotations {

    static final String PREFIX = "ignore.shipshape.dev/";

    private final Problems problems;

    SuppressionAnnotations(Problems problems) {
        this.problems = problems;
    }

    void read(ObjectMetadata metadata, ManifestObject object, List<Suppression> into) {
        for (Entry annotation : metadata.annotations()) {
            if (!annotation.key().startsWith(PREFIX)) continue;
            String rule = annotation.key().substring(PREFIX.length()).trim();
            if (rule.isEmpty()) {
                problems.warn(annotation.origin(), "the annotation '" + PREFIX + "' names no rule; write " + PREFIX + "<rule-name>");
                continue;
            }
            String reason = annotation.value().text().map(String::trim).orElse(null);
            into.add(new Suppression(rule, reason, annotation.origin().source(), object.firstLine(), object.lastLine(),
                    annotation.origin()));
        }
    }
}
