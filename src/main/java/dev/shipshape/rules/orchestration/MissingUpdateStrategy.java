package dev.shipshape.rules.orchestration;

import dev.shipshape.model.Container;
import dev.shipshape.model.Mount;
import dev.shipshape.model.Rollout;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.rules.WorkloadRule;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Flags rollouts that take the whole workload down or cannot undo themselves.
 *
 * <ul>
 *   <li>Swarm stack service without {@code deploy.update_config}: Swarm then stops each old task
 *       before starting its replacement and pauses, rather than rolls back, on failure.</li>
 *   <li>Kubernetes Deployment with {@code strategy.type: Recreate} (every old pod is killed before
 *       a new one starts), or with a {@code maxUnavailable} that allows every replica to be down: a
 *       percentage of 100% or more, or a count of at least {@code replicas} (1 when unset).
 *       Percentages are rounded down, as Kubernetes does, so only 100% takes everything down.</li>
 * </ul>
 * Workloads that run a well-known stateful image, and Deployments that mount a PersistentVolumeClaim,
 * are left alone: for a single-writer database or a ReadWriteOnce volume, stopping the old instance
 * first ({@code stop-first}, {@code Recreate}) is the right order, and starting the new one beside it
 * would corrupt the data or hang on the volume.
 */
public final class MissingUpdateStrategy implements WorkloadRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-310", "missing-update-strategy")
            .pillar(Pillar.ORCHESTRATION)
            .severity(Severity.LOW)
            .title("Rollout takes the workload down or cannot roll back")
            .rationale("""
                    A rollout that stops the old version before the new one is ready is a planned outage at \
                    every release. Swarm's default update stops each task before starting its replacement \
                    (`order: stop-first`) and merely pauses when the new version fails; a Kubernetes \
                    Deployment with `Recreate`, or with a `maxUnavailable` as large as its replica count, \
                    kills every pod before the new ones are ready. Single-writer databases and \
                    Deployments on a ReadWriteOnce claim are exempt: for them stopping first is right.""")
            .remediation("Swarm stack: add `deploy.update_config` with `order: start-first` and "
                    + "`failure_action: rollback` (and a `rollback_config`). Kubernetes: use "
                    + "`strategy.type: RollingUpdate` with a `maxUnavailable` below the replica count "
                    + "(`0` or `25%`) and a `maxSurge` of at least 1.")
            .appliesTo(SourceKind.STACK, SourceKind.KUBERNETES)
            .references(
                    Reference.url("Compose deploy specification: update_config",
                            "https://docs.docker.com/reference/compose-file/deploy/#update_config"),
                    Reference.url("Kubernetes: Deployment strategy",
                            "https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#strategy"))
            .build();

    private static final String RECREATE = "Recreate";
    private static final Pattern PERCENTAGE = Pattern.compile("(\\d{1,9})\\s*%");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload) {
        // the source first: asking what image a workload runs costs more, and most workloads at the gate are neither
        boolean judged = workload.source() == SourceKind.STACK
                || workload.source() == SourceKind.KUBERNETES && workload.kind().equals("Deployment");
        if (!judged) return Stream.empty();
        Optional<Finding> finding = workload.source() == SourceKind.STACK ? swarm(workload) : deployment(workload);
        // a stateful image exempts the workload; asked only of one about to be reported, since it parses every image
        if (finding.isEmpty() || StatefulWorkload.runsStatefulImage(workload)) return Stream.empty();
        return finding.stream();
    }

    private static Optional<Finding> swarm(Workload workload) {
        Setting<String> strategy = workload.rollout().strategy();
        if (strategy.isSet()) return Optional.empty();
        return Optional.of(Finding.of(INFO, workload.origin(), workload.description()
                + " has no deploy.update_config: Swarm stops each task before starting its replacement and pauses on failure;"
                + " set order: start-first and failure_action: rollback"));
    }

    private static Optional<Finding> deployment(Workload workload) {
        if (mountsClaim(workload)) return Optional.empty();
        Rollout rollout = workload.rollout();
        if (rollout.strategy().isSet() && rollout.strategy().value().strip().equals(RECREATE)) {
            return Optional.of(Finding.of(INFO, rollout.strategy().origin(), workload.description()
                    + " uses strategy Recreate: every pod is stopped before the new version starts"));
        }
        int replicas = workload.replicas().orElse(1);
        Setting<String> maxUnavailable = rollout.maxUnavailable();
        if (replicas == 0 || !maxUnavailable.isSet() || !takesAllDown(maxUnavailable.value(), replicas)) return Optional.empty();
        return Optional.of(Finding.of(INFO, maxUnavailable.origin(), "%s allows maxUnavailable %s of %d replica%s: a rollout may stop them all"
                .formatted(workload.description(), maxUnavailable.value().strip(), replicas, replicas == 1 ? "" : "s")));
    }

    /** A ReadWriteOnce claim cannot be attached to a second node while the old pod holds it: Recreate is how such a Deployment rolls. */
    private static boolean mountsClaim(Workload workload) {
        for (Container container : workload.containers()) {
            for (Mount mount : container.mounts()) {
                if (mount.type() == Mount.Type.CLAIM) return true;
            }
        }
        return false;
    }

    /** Only ASCII digits (what {@code \d+} matched), tested without a regex: every Deployment at the gate asks. */
    private static boolean isCount(String value) {
        if (value.isEmpty()) return false;
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') return false;
        }
        return true;
    }

    /** True when {@code maxUnavailable} lets every one of {@code replicas} pods be down (percentages round down). */
    static boolean takesAllDown(String maxUnavailable, int replicas) {
        String value = maxUnavailable.strip();
        if (value.endsWith("%")) {
            Matcher percentage = PERCENTAGE.matcher(value);
            if (percentage.matches()) {
                long percent = Long.parseLong(percentage.group(1));
                return percent * replicas / 100 >= replicas;
            }
        }
        if (isCount(value)) {
            return value.length() > 9 || Integer.parseInt(value) >= replicas;
        }
        return false;
    }
}
