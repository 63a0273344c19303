package dev.shipshape.load.compose;

import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one parsed YAML document into a {@link ComposeNode} tree, interpolating every scalar
 * value (never a mapping key) and reporting variable problems at the scalar's own position.
 */
final class InterpolatedTree {

    private final Interpolation interpolation;
    private final List<Diagnostic> diagnostics;

    InterpolatedTree(Interpolation interpolation, List<Diagnostic> diagnostics) {
        this.interpolation = interpolation;
        this.diagnostics = diagnostics;
    }

    /**
     * @param keepMergeTags true for a file that is merged onto another one, where {@code !reset} and
     *                      {@code !override} mean something; in the first file a {@code !reset} value is simply dropped
     */
    ComposeNode of(YamlNode document, boolean keepMergeTags) {
        return convert(document, keepMergeTags);
    }

    private ComposeNode convert(YamlNode node, boolean keepMergeTags) {
        String tag = keepMergeTags ? node.customTag().orElse(null) : null;
        Origin origin = node.origin();
        if (node.isMap()) {
            List<YamlNode.Entry> entries = node.entries();
            List<ComposeNode.Member> members = new ArrayList<>(entries.size());
            for (YamlNode.Entry entry : entries) {
                if (!keepMergeTags && isReset(entry.value())) continue;
                members.add(new ComposeNode.Member(entry.key(), entry.origin(), convert(entry.value(), keepMergeTags)));
            }
            return new ComposeNode.Mapping(members, origin, node.lastLine(), tag);
        }
        if (node.isList()) {
            List<YamlNode> items = node.items();
            List<ComposeNode> converted = new ArrayList<>(items.size());
            for (YamlNode item : items) {
                if (!keepMergeTags && isReset(item)) continue;
                converted.add(convert(item, keepMergeTags));
            }
            return new ComposeNode.Sequence(converted, origin, node.lastLine(), tag);
        }
        if (node.isNull()) return new ComposeNode.Scalar(null, false, origin, tag);
        String written = node.textOr("");
        Interpolation.Result result = interpolation.apply(written);
        for (Interpolation.Problem problem : result.problems()) {
            diagnostics.add(new Diagnostic(problem.level(), origin, problem.message()));
        }
        return new ComposeNode.Scalar(result.value(), result.referencesVariable(), origin, tag);
    }

    private static boolean isReset(YamlNode node) {
        return node.customTag().filter(ComposeNode.RESET_TAG::equals).isPresent();
    }
}
