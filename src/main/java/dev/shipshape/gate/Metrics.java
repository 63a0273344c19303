package dev.shipshape.gate;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * The gate's counters, served at {@code /metrics} in the Prometheus text format (version 0.0.4):
 * requests by endpoint and status, decisions by door and outcome, findings by rule and outcome,
 * a latency histogram by endpoint, and the connections each listener refused (a client over its
 * cap) or closed (a handshake, headers, body or idle wait past its deadline).
 */
public final class Metrics {

    /** Upper bounds of the latency buckets, in seconds. */
    private static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

    // counted by plain keys, made labels only when rendered: a request builds no strings
    private final Map<Answered, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<Decided, LongAdder> decisions = new ConcurrentHashMap<>();
    private final Map<Found, LongAdder> findings = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latency = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> timedOut = new ConcurrentHashMap<>();

    private static final class Histogram {
        final LongAdder[] counts = new LongAdder[BUCKETS.length];
        final LongAdder count = new LongAdder();
        final DoubleAdder sum = new DoubleAdder();

        Histogram() {
            for (int index = 0; index < counts.length; index++) counts[index] = new LongAdder();
        }

        void observe(double seconds) {
            for (int index = 0; index < BUCKETS.length; index++) {
                if (seconds <= BUCKETS[index]) {
                    counts[index].increment();
                    break;
                }
            }
            count.increment();
            sum.add(seconds);
        }
    }

    private record Answered(String endpoint, int status) {
        String labels() {
            return Metrics.labels("endpoint", endpoint, "code", Integer.toString(status));
        }
    }

    private record Decided(String door, Decision.Outcome outcome, boolean enforced) {
        String labels() {
            return Metrics.labels("door", door, "decision", outcome.label(), "dry_run", Boolean.toString(!enforced));
        }
    }

    private record Found(String rule, String outcome) {
        String labels() {
            return Metrics.labels("rule", rule, "outcome", outcome);
        }
    }

    /** One answered HTTP request. */
    public void request(String endpoint, int status, long nanos) {
        requests.computeIfAbsent(new Answered(endpoint, status), key -> new LongAdder()).increment();
        latency.computeIfAbsent(endpoint, key -> new Histogram()).observe(nanos / 1e9);
    }

    /** One decision; a dry run is counted apart, since nothing was enforced. */
    public void decision(String door, Decision decision, boolean enforced) {
        decisions.computeIfAbsent(new Decided(door, decision.outcome(), enforced), key -> new LongAdder()).increment();
        decision.denials().forEach(reason -> finding(reason.rule(), "denied"));
        decision.warnings().forEach(reason -> finding(reason.rule(), "warned"));
    }

    /** A connection refused because its client already held its cap of connections. */
    public void connectionRefused(String listener) {
        refused.computeIfAbsent(labels("listener", listener), key -> new LongAdder()).increment();
    }

    /** A connection closed because a phase (handshake, headers, body, idle) outlasted its deadline. */
    public void connectionTimedOut(String listener, String phase) {
        timedOut.computeIfAbsent(labels("listener", listener, "phase", phase), key -> new LongAdder()).increment();
    }

    private void finding(String rule, String outcome) {
        findings.computeIfAbsent(new Found(rule, outcome), key -> new LongAdder()).increment();
    }

    public String render() {
        StringBuilder text = new StringBuilder(2048);
        counter(text, "shipshape_requests_total", "HTTP requests answered, by endpoint and status code.", labelled(requests, Answered::labels));
        counter(text, "shipshape_decisions_total", "Gate decisions, by door and outcome.", labelled(decisions, Decided::labels));
        counter(text, "shipshape_rule_findings_total", "Findings in decisions, by rule (or gate check) and whether they denied or warned.",
                labelled(findings, Found::labels));
        counter(text, "shipshape_connections_refused_total", "Connections refused because the client already held its cap, by listener.", refused);
        counter(text, "shipshape_connections_timed_out_total", "Connections closed because a phase outlasted its deadline, by listener and phase.", timedOut);
        text.append("# HELP shipshape_request_duration_seconds Time to answer a request, by endpoint.\n");
        text.append("# TYPE shipshape_request_duration_seconds histogram\n");
        labelled(latency, endpoint -> labels("endpoint", endpoint)).forEach((labels, histogram) -> {
            long cumulative = 0;
            for (int index = 0; index < BUCKETS.length; index++) {
                cumulative += histogram.counts[index].sum();
                text.append("shipshape_request_duration_seconds_bucket{").append(labels).append(",le=\"")
                        .append(BUCKETS[index]).append("\"} ").append(cumulative).append('\n');
            }
            long count = histogram.count.sum();
            text.append("shipshape_request_duration_seconds_bucket{").append(labels).append(",le=\"+Inf\"} ").append(count).append('\n');
            text.append("shipshape_request_duration_seconds_sum{").append(labels).append("} ").append(histogram.sum.sum()).append('\n');
            text.append("shipshape_request_duration_seconds_count{").append(labels).append("} ").append(count).append('\n');
        });
        return text.toString();
    }

    private static <K, V> Map<String, V> labelled(Map<K, V> values, java.util.function.Function<K, String> labels) {
        Map<String, V> sorted = new TreeMap<>();
        values.forEach((key, value) -> sorted.put(labels.apply(key), value));
        return sorted;
    }

    private static void counter(StringBuilder text, String name, String help, Map<String, LongAdder> values) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(" counter\n");
        new TreeMap<>(values).forEach((labels, value) ->
                text.append(name).append('{').append(labels).append("} ").append(value.sum()).append('\n'));
    }

    /** {@code endpoint="/validate",code="200"}, values escaped as the format asks. */
    private static String labels(String... namesAndValues) {
        StringBuilder labels = new StringBuilder();
        for (int index = 0; index < namesAndValues.length; index += 2) {
            if (index > 0) labels.append(',');
            labels.append(namesAndValues[index]).append("=\"").append(escape(namesAndValues[index + 1])).append('"');
        }
        return labels.toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
