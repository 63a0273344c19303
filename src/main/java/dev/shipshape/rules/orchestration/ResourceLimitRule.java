package dev.shipshape.rules.orchestration;

import dev.shipshape.model.Container;
import dev.shipshape.model.Resources;
import dev.shipshape.model.Setting;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ContainerRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.WindowsContainer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Template for the rules about a missing resource limit: the template finds containers of the
 * source kinds the rule applies to whose limit is unset, or written as zero (which Docker reads as
 * "no limit"); a rule names the limit and where it lives in {@link Resources}. Ephemeral containers
 * are skipped: Kubernetes does not let them have resources.
 */
abstract class ResourceLimitRule implements ContainerRule {

    /** A zero quantity with an optional unit: "0", "0.0", "0m", "0Mi", "0b". */
    private static final Pattern ZERO = Pattern.compile("0+(\\.0+)?\\s*[a-zA-Z]*");

    private final RuleInfo info;
    private final String limitName;
    private final Function<Resources, Setting<?>> limit;
    private final boolean linuxOnly;

    /**
     * @param limitName how messages name it: "memory limit"
     * @param limit     where the limit is in a container's resources
     */
    ResourceLimitRule(RuleInfo info, String limitName, Function<Resources, Setting<?>> limit) {
        this(info, limitName, limit, false);
    }

    /** @param linuxOnly the engine refuses the limit for a Windows container, which is then not judged */
    ResourceLimitRule(RuleInfo info, String limitName, Function<Resources, Setting<?>> limit, boolean linuxOnly) {
        this.info = info;
        this.limitName = limitName;
        this.limit = limit;
        this.linuxOnly = linuxOnly;
    }

    @Override
    public final RuleInfo info() {
        return info;
    }

    @Override
    public final Stream<Finding> check(Workload workload, Container container) {
        if (!info.appliesTo().contains(workload.source()) || container.ephemeral()) return Stream.empty();
        Setting<?> written = limit.apply(container.resources());
        boolean unset = !written.isSet();
        if (!unset && !isUnlimited(written.value())) return Stream.empty();
        // only a container about to be reported is asked whether it runs Windows, which parses its image
        if (linuxOnly && WindowsContainer.runs(workload, container)) return Stream.empty();
        return Stream.of(unset
                ? Finding.of(info, written.origin(), "%s sets no %s".formatted(container.description(), limitName))
                : Finding.of(info, written.origin(), "%s sets its %s to %s, which means no limit"
                        .formatted(container.description(), limitName, written.value())));
    }

    /** Zero (and, for a PIDs count, -1) is how Docker spells "unlimited". */
    static boolean isUnlimited(Object value) {
        if (value instanceof Number number) return number.longValue() <= 0;
        String written = value.toString().strip();
        // ZERO starts with a 0: any other first character is a limit, and no regex need run (most values at the gate)
        return !written.isEmpty() && written.charAt(0) == '0' && ZERO.matcher(written).matches();
    }
}
