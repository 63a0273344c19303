package dev.shipshape.load.kubernetes;

import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.model.Origin;
import java.util.List;

/** One Kubernetes object of a manifest: a document, or an item of a {@code kind: List}. */
final class ManifestObject {

    private final Fields fields;
    private final String kind;
    private final Origin kindOrigin;
    private int lastLine;

    /**
     * @param kind       the {@code kind} as written
     * @param kindOrigin where the {@code kind} key is written (what a workload's origin points at)
     */
    ManifestObject(Fields fields, String kind, Origin kindOrigin) {
        this.fields = fields;
        this.kind = kind;
        this.kindOrigin = kindOrigin;
    }

    Fields fields() {
        return fields;
    }

    String kind() {
        return kind;
    }

    Origin kindOrigin() {
        return kindOrigin;
    }

    /** The {@code apiVersion} as written; null when it is not (already reported) or is no string. */
    String apiVersion() {
        return fields.entry("apiVersion").flatMap(entry -> entry.value().text()).orElse(null);
    }

    /** The object's first line: its first key. */
    int firstLine() {
        return fields.origin().line();
    }

    /** The object's last line; worked out on first use, as skipped objects never need it. */
    int lastLine() {
        if (lastLine == 0) lastLine = lastLineOf(fields.node());
        return lastLine;
    }

    /**
     * The last line with the object's own text. {@link YamlNode#lastLine()} of a block collection
     * ends where the next token starts (the next item's "- ", the next document), so this follows
     * the last-written entry down to a scalar, whose end is exact.
     */
    static int lastLineOf(YamlNode node) {
        YamlNode current = node;
        int line = node.origin().line();
        while (true) {
            YamlNode next;
            if (current.isMap()) {
                YamlNode.Entry last = null;
                for (YamlNode.Entry entry : current.entries()) {
                    if (last == null || entry.origin().compareTo(last.origin()) > 0) last = entry;
                }
                if (last == null) break;
                line = Math.max(line, last.origin().line());
                next = last.value();
            } else if (current.isList()) {
                List<YamlNode> items = current.items();
                if (items.isEmpty()) break;
                next = items.getLast();
            } else {
                break;
            }
            // an alias leads back to text written earlier (possibly to this very node): stop there
            if (next.origin().compareTo(current.origin()) <= 0) return line;
            current = next;
        }
        return Math.max(line, current.lastLine());
    }
}
