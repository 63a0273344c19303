package dev.shipshape.policy.cel;

import dev.cel.runtime.CelEvaluationException;
import dev.shipshape.model.Container;
import dev.shipshape.model.DaemonConfig;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Image;
import dev.shipshape.model.Network;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Volume;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ContainerRule;
import dev.shipshape.rules.DaemonRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.ImageRule;
import dev.shipshape.rules.NetworkRule;
import dev.shipshape.rules.Rule;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.VolumeRule;
import dev.shipshape.rules.WorkloadRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A project's own rule from {@code .shipshape.yaml}: a compiled CEL condition that must hold for
 * every object its {@link Match} selects. Where it is false, the rule reports a finding at the
 * object's origin with its message filled in.
 *
 * <p>{@link #rule()} is the rule the engine runs, implementing exactly the hook its match needs, so
 * that it is selected, suppressed, waived and reported like a built-in rule. A condition that
 * cannot be evaluated for an object (an absent optional field read without {@code has()}) gives no
 * finding; it is remembered and handed out once per run by {@link #drainProblems()} as a warning.
 */
public final class CustomRule {

    private final RuleInfo info;
    private final Match match;
    private final CelEnvironment.Program condition;
    private final MessageTemplate message;
    private final CelModel model;
    private final Rule rule;
    private final Map<String, Problem> problems = new LinkedHashMap<>();

    CustomRule(RuleInfo info, Match match, CelEnvironment.Program condition, MessageTemplate message, CelModel model) {
        this.info = info;
        this.match = match;
        this.condition = condition;
        this.message = message;
        this.model = model;
        this.rule = switch (match) {
            case WORKLOAD -> new OnWorkload(this);
            case CONTAINER -> new OnContainer(this);
            case IMAGE -> new OnImage(this);
            case NETWORK -> new OnNetwork(this);
            case VOLUME -> new OnVolume(this);
            case DAEMON -> new OnDaemon(this);
        };
    }

    public RuleInfo info() {
        return info;
    }

    public Match match() {
        return match;
    }

    /** The rule as the engine runs it. */
    public Rule rule() {
        return rule;
    }

    /**
     * Warnings about objects the condition could not be evaluated for since the last call: one per
     * distinct error, at the first object it happened for, with how many others it hit.
     */
    public synchronized List<Diagnostic> drainProblems() {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Problem problem : problems.values()) {
            String others = problem.count > 1 ? " (and %d more)".formatted(problem.count - 1) : "";
            diagnostics.add(Diagnostic.warning(problem.origin, "custom rule '%s' could not be evaluated for %s: %s%s"
                    .formatted(info.name(), problem.object, problem.error, others)));
        }
        problems.clear();
        return diagnostics;
    }

    private Stream<Finding> check(Map<String, Object> variables, Origin origin, String object) {
        Object result;
        try {
            result = condition.evaluate(variables);
        } catch (CelEvaluationException | RuntimeException failed) {
            remember(origin, object, reason(failed));
            return Stream.empty();
        }
        if (Boolean.TRUE.equals(result)) return Stream.empty();
        if (!(result instanceof Boolean)) {
            remember(origin, object, "the expression gave " + MessageTemplate.display(result) + ", not true or false");
            return Stream.empty();
        }
        return Stream.of(Finding.of(info, origin, message.render(variables)));
    }

    private static String reason(Exception failed) {
        String text = failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage();
        text = text.replaceFirst("^evaluation error at <input>:\\d+: ", "").replaceFirst("^evaluation error: ", "");
        text = text.strip();
        if (text.endsWith(".")) text = text.substring(0, text.length() - 1);
        if (text.contains("is not present in map")) {
            text += " (test an optional field with has() or give it a default with .?field.orValue(...))";
        }
        return text;
    }

    private synchronized void remember(Origin origin, String object, String error) {
        Problem problem = problems.get(error);
        if (problem == null) {
            problems.put(error, new Problem(origin, object, error));
        } else {
            problem.count++;
        }
    }

    private static final class Problem {
        final Origin origin;
        final String object;
        final String error;
        int count = 1;

        Problem(Origin origin, String object, String error) {
            this.origin = origin;
            this.object = object;
            this.error = error;
        }
    }

    private static Map<String, Object> variables(String name, Object value) {
        Map<String, Object> variables = new HashMap<>(2);
        variables.put(name, value);
        return variables;
    }

    private record OnWorkload(CustomRule custom) implements WorkloadRule {
        @Override
        public RuleInfo info() {
            return custom.info;
        }

        @Override
        public Stream<Finding> check(Workload workload) {
            return custom.check(variables("workload", custom.model.workload(workload)), workload.origin(), workload.description());
        }
    }

    private record OnContainer(CustomRule custom) implements ContainerRule {
        @Override
        public RuleInfo info() {
            return custom.info;
        }

        @Override
        public Stream<Finding> check(Workload workload, Container container) {
            Map<String, Object> variables = variables("container", custom.model.container(container));
            variables.put("workload", custom.model.workload(workload));
            return custom.check(variables, container.origin(), container.description());
        }
    }

    private record OnImage(CustomRule custom) implements ImageRule {
        @Override
        public RuleInfo info() {
            return custom.info;
        }

        @Override
        public Stream<Finding> check(Image image) {
            return custom.check(variables("image", custom.model.image(image)), image.finalStage().origin(), "the image of " + image.file());
        }
    }

    private record OnNetwork(CustomRule custom) implements NetworkRule {
        @Override
        public RuleInfo info() {
            return custom.info;
        }

        @Override
        public Stream<Finding> check(Network network) {
            return custom.check(variables("network", custom.model.network(network)), network.origin(), "network '" + network.name() + "'");
        }
    }

    private record OnVolume(CustomRule custom) implements VolumeRule {
        @Override
        public RuleInfo info() {
            return custom.info;
        }

        @Override
        public Stream<Finding> check(Volume volume) {
            return custom.check(variables("volume", custom.model.volume(volume)), volume.origin(), "volume '" + volume.name() + "'");
        }
    }

    private record OnDaemon(CustomRule custom) implements DaemonRule {
        @Override
        public RuleInfo info() {
            return custom.info;
        }

        @Override
        public Stream<Finding> check(DaemonConfig daemon) {
            return custom.check(variables("daemon", custom.model.daemon(daemon)), daemon.origin(), "the daemon configuration");
        }
    }
}
