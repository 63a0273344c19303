package dev.shipshape.load.yaml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * How many nodes a YAML document has once every alias is expanded, as the loaders will walk it.
 * The parser shares an anchored node between its aliases, so the document is small in memory; a
 * loader that walks (or copies) it visits each alias's whole expansion again. Nine aliases of nine
 * aliases of nine ... ("billion laughs") make 81 aliases and a few hundred bytes expand to
 * hundreds of millions of nodes.
 *
 * <p>Each distinct node's expanded size is computed once (the nodes an alias shares are counted
 * with their expansion at every use, but computed once), so this costs one visit per distinct node.
 * A node that contains itself through an alias has no finite expansion.
 */
final class ExpandedSize {

    /** The distinct nodes, and the expanded size of the document (saturating at {@link Long#MAX_VALUE}). */
    record Measure(long distinct, long expanded) {
    }

    /** Either the document's measure, or the node that contains itself. */
    record Result(Optional<Measure> measure, Optional<Node> recursive) {
    }

    private final Map<Node, Long> sizes = new IdentityHashMap<>();

    private ExpandedSize() {
    }

    static Result of(Node root) {
        ExpandedSize walk = new ExpandedSize();
        Optional<Node> recursive = walk.compute(root);
        if (recursive.isPresent()) return new Result(Optional.empty(), recursive);
        return new Result(Optional.of(new Measure(walk.sizes.size(), walk.sizes.get(root))), Optional.empty());
    }

    /**
     * Where to point at when a document expands beyond {@code limit}: the innermost node whose
     * expanded size is still above it, found by stepping from {@code root} into the first child that
     * is; a mapping value is pointed at by its key, which is where the reader looks.
     */
    static Node innermostAbove(Node root, long limit) {
        ExpandedSize walk = new ExpandedSize();
        walk.compute(root);
        Node at = root;
        Node shown = root;
        while (true) {
            Node next = null;
            Node nextShown = null;
            if (at instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    if (walk.sizes.getOrDefault(tuple.getKeyNode(), 0L) > limit) {
                        next = tuple.getKeyNode();
                        nextShown = next;
                    } else if (walk.sizes.getOrDefault(tuple.getValueNode(), 0L) > limit) {
                        next = tuple.getValueNode();
                        nextShown = tuple.getKeyNode();
                    }
                    if (next != null) break;
                }
            } else {
                for (Node child : children(at)) {
                    if (walk.sizes.getOrDefault(child, 0L) > limit) {
                        next = child;
                        nextShown = child;
                        break;
                    }
                }
            }
            if (next == null) return shown;
            at = next;
            shown = nextShown;
        }
    }

    /** Post-order without recursion: a document nested thousands deep must not exhaust the stack. */
    private Optional<Node> compute(Node root) {
        Map<Node, Boolean> onPath = new IdentityHashMap<>();
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node node = stack.peek();
            if (sizes.containsKey(node)) {
                stack.pop();
                continue;
            }
            if (onPath.putIfAbsent(node, Boolean.TRUE) == null) {
                for (Node child : children(node)) {
                    if (sizes.containsKey(child)) continue;
                    if (onPath.containsKey(child)) return Optional.of(child);
                    stack.push(child);
                }
                continue;
            }
            long size = 1;
            for (Node child : children(node)) size = saturatedSum(size, sizes.get(child));
            sizes.put(node, size);
            onPath.remove(node);
            stack.pop();
        }
        return Optional.empty();
    }

    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static List<Node> children(Node node) {
        if (node instanceof SequenceNode sequence) return sequence.getValue();
        if (node instanceof MappingNode mapping) {
            List<Node> children = new ArrayList<>(mapping.getValue().size() * 2);
            for (NodeTuple tuple : mapping.getValue()) {
                children.add(tuple.getKeyNode());
                children.add(tuple.getValueNode());
            }
            return children;
        }
        return List.of();
    }
}
