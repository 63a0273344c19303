package dev.shipshape.rules.storage;

import dev.shipshape.model.Scheduling;
import dev.shipshape.model.Setting;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A placement constraint as written: a Swarm {@code deploy.placement.constraints} entry
 * ({@code node.hostname == worker-1}) or a Kubernetes nodeSelector entry
 * ({@code kubernetes.io/hostname=worker-1}), read for one question: does it tie a workload to one node?
 */
record PlacementConstraint(String attribute, String operator, String value) {

    private static final Pattern CONSTRAINT = Pattern.compile("\\s*([^=!\\s]+)\\s*(==|!=|=)\\s*(\\S.*?)\\s*");

    /** Attributes that name exactly one node. */
    private static final Set<String> ONE_NODE = Set.of("node.hostname", "node.id", "kubernetes.io/hostname");

    static Optional<PlacementConstraint> parse(String written) {
        if (written == null) return Optional.empty();
        Matcher matcher = CONSTRAINT.matcher(written);
        if (!matcher.matches()) return Optional.empty();
        return Optional.of(new PlacementConstraint(matcher.group(1), matcher.group(2), matcher.group(3)));
    }

    /** True for {@code node.hostname == x}, {@code node.id == x}, {@code kubernetes.io/hostname=x}. */
    boolean pinsToOneNode() {
        return ONE_NODE.contains(attribute) && !operator.equals("!=");
    }

    /** True when one of the workload's constraints ties it to a single node. */
    static boolean pinsToOneNode(Scheduling scheduling) {
        // a loop, not a stream: asked of every workload at the gate, which mostly has no constraint
        for (Setting<String> constraint : scheduling.placementConstraints()) {
            Optional<PlacementConstraint> parsed = parse(constraint.value());
            if (parsed.isPresent() && parsed.get().pinsToOneNode()) return true;
        }
        return false;
    }
}
