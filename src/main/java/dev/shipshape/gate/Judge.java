package dev.shipshape.gate;

import dev.shipshape.load.gate.GateInput;
import dev.shipshape.load.gate.RuleScope;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.policy.Enforcement;
import dev.shipshape.policy.Policy;
import dev.shipshape.policy.PolicyStep;
import dev.shipshape.rules.BuiltInRules;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.InventoryRule;
import dev.shipshape.rules.SingleObjectRule;
import dev.shipshape.rules.Rule;
import dev.shipshape.rules.RuleEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Judges a request that is already the model, with the same rules and policy as {@code scan}:
 * the rules the project does not disable, its severities and waivers ({@link PolicyStep}), then
 * the {@code enforce:} section splits the findings into denials and warnings.
 *
 * <p>Rules that look across a whole estate ({@link InventoryRule}s: a Service that selects
 * nothing, a Deployment without a PodDisruptionBudget) do not run at the gate, which sees one
 * object at a time, except those that judge each object alone ({@link SingleObjectRule}: RBAC
 * objects, Secrets, Ingresses, Services); suppressions written in the request itself are not honoured (see
 * {@link dev.shipshape.load.gate.AdmissionObjects}).
 */
public final class Judge {

    private static final Comparator<Finding> WORST_FIRST = Comparator.comparing(Finding::severity).thenComparing(Finding.BY_LOCATION);

    private final Policy policy;
    private final Enforcement enforcement;
    private final List<Rule> rules;
    /** The rules of each scope and their names, prepared once: requests name a handful of fixed scopes. */
    private final Map<RuleScope, Prepared> prepared = new ConcurrentHashMap<>();
    private final List<Rule> knownRules;
    private final Clock clock;
    private final Today today = new Today();
    /** Custom rules remember evaluation problems between runs: with them, one judgement at a time. */
    private final Optional<Object> customRuleLock;

    public Judge(Policy policy, Enforcement enforcement, Clock clock) {
        this.policy = policy;
        this.enforcement = enforcement;
        this.clock = clock;
        List<Rule> available = Stream.concat(BuiltInRules.all(policy.ruleOptions()).stream(), policy.customRuleList().stream()).toList();
        this.rules = available.stream()
                .filter(rule -> !(rule instanceof InventoryRule) || rule instanceof SingleObjectRule)
                .filter(rule -> !policy.disables(rule.info()))
                .toList();
        // List.copyOf, not toList(): PolicyStep copies any other list, and it is made per decision
        this.knownRules = List.copyOf(Stream.concat(BuiltInRules.all().stream(), policy.customRuleList().stream()).toList());
        this.customRuleLock = policy.customRules().isEmpty() ? Optional.empty() : Optional.of(new Object());
    }

    public Enforcement enforcement() {
        return enforcement;
    }

    /** How many rules the gate runs (for a request judged by all of them). */
    public int ruleCount() {
        return rules.size();
    }

    /** The rules a scope selects, their engine, and their names (which the policy step needs to tell a waiver that matched nothing). */
    private record Prepared(RuleEngine engine, Set<String> names) {

        static Prepared of(List<Rule> rules, RuleScope scope) {
            List<Rule> selected = rules.stream().filter(scope::includes).toList();
            return new Prepared(new RuleEngine(selected),
                    selected.stream().map(rule -> rule.info().name()).collect(Collectors.toUnmodifiableSet()));
        }
    }

    /** The fix in the door's terms: a Kubernetes key for an admission request, a docker run flag for the Docker gate. */
    private static SourceKind door(List<Workload> workloads) {
        for (Workload workload : workloads) {
            if (workload.source() == SourceKind.KUBERNETES) return SourceKind.KUBERNETES;
        }
        return SourceKind.LIVE_DOCKER;
    }

    public Decision judge(GateInput.Modelled modelled) {
        if (customRuleLock.isEmpty()) return judgeNow(modelled);
        synchronized (customRuleLock.get()) {
            return judgeNow(modelled);
        }
    }

    private Decision judgeNow(GateInput.Modelled modelled) {
        Prepared scope = prepared.computeIfAbsent(modelled.scope(), key -> Prepared.of(rules, key));
        var inventory = modelled.loaded().inventory();
        List<Finding> findings = scope.engine().run(inventory);
        PolicyStep.Result applied = new PolicyStep(policy, knownRules, today.at(clock))
                .apply(inventory, findings, List.of(), scope.names(), Optional.empty(), Optional.empty());
        List<Decision.Reason> denials = new ArrayList<>();
        List<Decision.Reason> warnings = new ArrayList<>();
        List<Finding> worstFirst = new ArrayList<>(applied.findings());
        worstFirst.sort(WORST_FIRST);
        SourceKind door = door(inventory.workloads());
        for (Finding finding : worstFirst) {
            String rule = finding.rule().name();
            Decision.Reason reason = new Decision.Reason(rule, finding.message(), finding.rule().remediation(door));
            (enforcement.denies(rule, finding.severity()) ? denials : warnings).add(reason);
        }
        Decision.Outcome outcome = !denials.isEmpty() ? Decision.Outcome.DENIED
                : !warnings.isEmpty() ? Decision.Outcome.WARNED : Decision.Outcome.ALLOWED;
        return new Decision(outcome, denials, warnings, Optional.empty());
    }

    /**
     * The day waivers are judged on, asked for once per decision: worked out again only when the
     * clock has left the day last worked out, since {@code LocalDate.now} looks up the zone's
     * offset every time (about 1% of a decision's CPU).
     */
    private static final class Today {

        /** A date and the span of epoch milliseconds it covers in its zone. */
        private record Day(LocalDate date, ZoneId zone, long startMillis, long endMillis) {

            static Day at(long millis, ZoneId zone) {
                LocalDate date = LocalDate.ofInstant(Instant.ofEpochMilli(millis), zone);
                return new Day(date, zone, date.atStartOfDay(zone).toInstant().toEpochMilli(),
                        date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
            }

            boolean covers(long millis, ZoneId other) {
                return startMillis <= millis && millis < endMillis && zone.equals(other);
            }
        }

        private volatile Day last;

        LocalDate at(Clock clock) {
            long now = clock.millis();
            ZoneId zone = clock.getZone();
            Day day = last;
            if (day == null || !day.covers(now, zone)) last = day = Day.at(now, zone);
            return day.date();
        }
    }
}
