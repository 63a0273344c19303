package dev.shipshape.report.html;

import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The findings table with its filters (pillar, severity, rule, file, application; the page's
 * script does the filtering on the rows' {@code data-} attributes), and the fix for each rule
 * that fired, written once.
 */
final class FindingsTable {

    /** Rows listed at first for the filters' matches; a button lists the rest (a page of 12,000 rows opens slowly). */
    static final int LISTED = 1000;

    private FindingsTable() {
    }

    static void write(List<Finding> findings, Applications applications, Markup out) {
        List<String> files = new ArrayList<>(new TreeSet<>(findings.stream().map(finding -> finding.origin().source()).toList()));
        Map<String, Integer> fileIndex = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) fileIndex.put(files.get(i), i);
        List<Application> apps = applications.all();
        Map<Application, Integer> appIndex = new LinkedHashMap<>();
        for (int i = 0; i < apps.size(); i++) appIndex.put(apps.get(i), i);
        TreeMap<String, RuleInfo> rules = new TreeMap<>();
        findings.forEach(finding -> rules.putIfAbsent(finding.rule().name(), finding.rule()));

        out.raw("<form id=\"filters\" class=\"filters\" autocomplete=\"off\">");
        select(out, "pillar", "Pillar", keys(Pillar.values()), labels(Pillar.values()));
        List<String> severities = new ArrayList<>();
        for (Severity severity : Severity.values()) severities.add(severity.label());
        select(out, "severity", "Severity", severities, severities);
        select(out, "rule", "Rule", List.copyOf(rules.keySet()), List.copyOf(rules.keySet()));
        select(out, "file", "File", indexes(files.size()), files);
        select(out, "app", "Application", indexes(apps.size()), apps.stream().map(Application::title).toList());
        out.raw("<button type=\"reset\" id=\"filter-reset\">Clear filters</button>")
                .raw("<output id=\"shown-count\" aria-live=\"polite\"></output>")
                .raw("<button type=\"button\" id=\"show-all\" hidden>List all</button></form>");

        out.raw("<noscript><p class=\"warning\">The findings table needs JavaScript; the JSON and text reports list the same findings.</p></noscript>")
                .raw("<table id=\"findings-table\" class=\"findings\" data-limit=\"" + LISTED + "\">")
                .raw("<colgroup><col class=\"c-sev\"><col class=\"c-pillar\"><col class=\"c-rule\"><col class=\"c-loc\"><col></colgroup><thead><tr><th>Severity</th><th>Pillar</th><th>Rule</th>")
                .raw("<th>Location</th><th>Finding</th></tr></thead><tbody></tbody></table>")
                .raw("<script type=\"application/json\" id=\"findings-data\">")
                .raw(data(findings, List.copyOf(rules.values()), fileIndex, applications, appIndex))
                .raw("</script>");
        if (findings.isEmpty()) out.raw("<p class=\"empty\">No findings.</p>");
    }

    /**
     * The rows as data for the page's script to build (a row of markup per finding would double the
     * page for a large estate): {@code rules} as [name, pillar key, pillar name], {@code files}, and
     * {@code findings} as [rule, severity, file, line, column, application, message] with indexes into those lists.
     */
    private static String data(List<Finding> findings, List<RuleInfo> rules, Map<String, Integer> fileIndex, Applications applications,
            Map<Application, Integer> appIndex) {
        Map<RuleInfo, Integer> ruleIndex = new LinkedHashMap<>();
        StringBuilder json = new StringBuilder(findings.size() * 200 + 1024).append("{\"rules\":[");
        for (RuleInfo rule : rules) {
            if (!ruleIndex.isEmpty()) json.append(',');
            ruleIndex.put(rule, ruleIndex.size());
            json.append('[');
            ScriptJson.string(rule.name(), json);
            json.append(',');
            ScriptJson.string(PillarChart.key(rule.pillar()), json);
            json.append(',');
            ScriptJson.string(rule.pillar().displayName(), json);
            json.append(']');
        }
        json.append("],\"files\":[");
        boolean first = true;
        for (String file : fileIndex.keySet()) {
            if (!first) json.append(',');
            first = false;
            ScriptJson.string(file, json);
        }
        json.append("],\"findings\":[");
        first = true;
        for (Finding finding : findings) {
            if (!first) json.append(',');
            first = false;
            json.append('[').append(ruleIndex.get(finding.rule())).append(',');
            ScriptJson.string(finding.severity().label(), json);
            json.append(',').append(fileIndex.get(finding.origin().source())).append(',').append(finding.origin().line())
                    .append(',').append(finding.origin().column()).append(',').append(appIndex.get(applications.of(finding))).append(',');
            ScriptJson.string(finding.message(), json);
            json.append("]\n");
        }
        return json.append("]}").toString();
    }

    /** "How to fix": each rule that fired, once, with how many findings it has. */
    static void writeFixes(List<Finding> findings, Markup out) {
        Map<RuleInfo, Integer> counts = new TreeMap<>((a, b) -> a.name().compareTo(b.name()));
        findings.forEach(finding -> counts.merge(finding.rule(), 1, Integer::sum));
        if (counts.isEmpty()) {
            out.raw("<p class=\"empty\">Nothing to fix.</p>");
            return;
        }
        for (Map.Entry<RuleInfo, Integer> entry : counts.entrySet()) {
            RuleInfo rule = entry.getKey();
            out.raw("<article class=\"fix\"").attribute("id", "fix-" + rule.name()).raw("><h3>")
                    .element("code", null, rule.name()).raw(" ").text(rule.title()).raw("</h3><p class=\"meta\">")
                    .text(rule.id() + " \u00b7 " + rule.pillar().displayName() + " \u00b7 " + rule.severity().label() + " \u00b7 ")
                    .number(entry.getValue()).text(entry.getValue() == 1 ? " finding" : " findings").raw("</p><p class=\"remedy\">");
            withCode(rule.remediation(), out);
            out.raw("</p><p class=\"why\">").text(rule.rationale()).raw("</p></article>");
        }
    }

    /** Text whose {@code `backticked`} parts are set as code, as the rule metadata writes them. */
    static void withCode(String text, Markup out) {
        String[] parts = text.split("`", -1);
        for (int i = 0; i < parts.length; i++) {
            boolean code = i % 2 == 1 && i < parts.length - 1;
            if (code) out.element("code", null, parts[i]);
            else out.text(i % 2 == 1 ? "`" + parts[i] : parts[i]);
        }
    }

    private static void select(Markup out, String name, String label, List<String> values, List<String> texts) {
        out.raw("<label>").text(label).raw(" <select id=\"filter-" + name + "\" data-filter=\"" + name + "\"><option value=\"\">all</option>");
        for (int i = 0; i < values.size(); i++) {
            out.raw("<option").attribute("value", values.get(i)).raw(">").text(texts.get(i)).raw("</option>");
        }
        out.raw("</select></label>");
    }

    private static List<String> keys(Pillar[] pillars) {
        List<String> keys = new ArrayList<>();
        for (Pillar pillar : pillars) keys.add(PillarChart.key(pillar));
        return keys;
    }

    private static List<String> labels(Pillar[] pillars) {
        List<String> labels = new ArrayList<>();
        for (Pillar pillar : pillars) labels.add(pillar.displayName());
        return labels;
    }

    private static List<String> indexes(int count) {
        List<String> indexes = new ArrayList<>();
        for (int i = 0; i < count; i++) indexes.add(Integer.toString(i));
        return indexes;
    }
}
