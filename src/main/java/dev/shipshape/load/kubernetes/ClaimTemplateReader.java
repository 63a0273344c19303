package dev.shipshape.load.kubernetes;

import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.model.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a StatefulSet's {@code spec.volumeClaimTemplates}: each template's name at its
 * {@code metadata.name} key. The pod's containers mount them by that name.
 */
final class ClaimTemplateReader {

    private final Problems problems;

    ClaimTemplateReader(Problems problems) {
        this.problems = problems;
    }

    List<Setting<String>> read(Optional<Fields> objectSpec) {
        if (objectSpec.isEmpty()) return List.of();
        List<YamlNode> templates = objectSpec.get().list("volumeClaimTemplates");
        if (templates.isEmpty()) return List.of();
        List<Setting<String>> names = new ArrayList<>(templates.size());
        for (YamlNode item : templates) {
            Optional<Fields> template = Fields.ofItem(item, "an item of 'volumeClaimTemplates'", problems);
            if (template.isEmpty()) continue;
            Optional<Setting<String>> name = template.get().mapping("metadata").flatMap(metadata -> metadata.text("name"))
                    .filter(written -> !written.value().isBlank());
            if (name.isPresent()) {
                names.add(name.get());
            } else {
                problems.warn(item.origin(), "a volumeClaimTemplate without a 'metadata.name'");
            }
        }
        return names;
    }
}
