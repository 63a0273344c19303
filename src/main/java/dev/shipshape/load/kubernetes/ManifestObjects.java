package dev.shipshape.load.kubernetes;

import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.model.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a file's YAML documents into Kubernetes objects: empty documents are skipped, the items
 * of a {@code kind: List} become objects of their own, and a document that is no object (not a
 * mapping, or without a {@code kind}) is reported and left out.
 */
final class ManifestObjects {

    private static final String LIST_KIND = "List";

    private final Problems problems;

    ManifestObjects(Problems problems) {
        this.problems = problems;
    }

    List<ManifestObject> of(List<YamlNode> documents) {
        List<ManifestObject> objects = new ArrayList<>();
        for (YamlNode document : documents) {
            if (document.isNull()) continue;
            add(document, "a Kubernetes object", objects);
        }
        return objects;
    }

    private void add(YamlNode node, String what, List<ManifestObject> objects) {
        Optional<Fields> object = Fields.ofItem(node, what, problems);
        if (object.isEmpty()) return;
        Fields fields = object.get();
        if (isMissing(fields, "apiVersion")) {
            problems.warn(fields.origin(), "the object has no 'apiVersion'");
        }
        if (isMissing(fields, "kind")) {
            problems.warn(fields.origin(), "the object has no 'kind'; skipped");
            return;
        }
        Optional<Setting<String>> kind = fields.text("kind");
        if (kind.isEmpty()) return;
        if (kind.get().value().equals(LIST_KIND)) {
            for (YamlNode item : fields.list("items")) add(item, "an item of a List", objects);
            return;
        }
        objects.add(new ManifestObject(fields, kind.get().value(), kind.get().origin()));
    }

    private static boolean isMissing(Fields fields, String key) {
        return fields.entry(key)
                .map(entry -> entry.value().isNull() || entry.value().text().map(String::isBlank).orElse(false))
                .orElse(true);
    }
}
