package dev.shipshape.report.html;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.SourceKind;
import dev.shipshape.report.Report;
import dev.shipshape.report.Reporter;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.scan.SkippedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The readiness report: one self-contained HTML page (its CSS, script and SVG inline; nothing
 * fetched, which its Content-Security-Policy also enforces) with a verdict per pillar and per
 * application, the rule that decides them, a chart of findings by pillar and severity, a network
 * map per application, and the findings with filters and each rule's fix written once.
 *
 * <p>The page states no time of writing, so the same report always gives the same bytes.
 */
public final class HtmlReporter implements Reporter {

    /** Nodes per application's map; larger applications are drawn in part, and the page says how many were left out. */
    static final int MAX_NODES_PER_MAP = 48;
    /** Maps are open on arrival when there are at most this many; a larger estate opens them one by one. */
    private static final int MAPS_OPEN = 8;
    private static final int MAX_DIAGNOSTICS_LISTED = 200;
    private static final String CSS = resource("report.css");
    private static final String SCRIPT = resource("report.js");

    private final String toolVersion;

    public HtmlReporter(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        out.write(page(report));
    }

    String page(Report report) {
        List<Finding> findings = report.findings();
        Applications applications = Applications.of(report.inventory(), findings);
        Set<SourceKind> scanned = EnumSet.noneOf(SourceKind.class);
        applications.all().forEach(application -> scanned.addAll(application.sources()));
        report.coverage().found().forEach((kind, count) -> {
            if (count > 0) scanned.add(kind);
        });

        Map<Pillar, Verdict> pillarVerdicts = new EnumMap<>(Pillar.class);
        Verdict overall = Verdict.NOT_ASSESSED;
        for (Pillar pillar : Pillar.values()) {
            List<Finding> ofPillar = findings.stream().filter(finding -> finding.rule().pillar() == pillar).toList();
            Verdict verdict = Verdict.of(ofPillar, assessed(pillar, scanned, report.rules(), ofPillar));
            pillarVerdicts.put(pillar, verdict);
            overall = overall.worse(verdict);
        }

        Markup html = new Markup();
        html.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src '"
                        + sha256(CSS) + "'; script-src '" + sha256(SCRIPT) + "'\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .raw("<title>shipshape readiness report</title><style>").raw(CSS).raw("</style></head><body>\n");
        header(report, overall, html);
        html.raw("<main>");
        pillars(findings, pillarVerdicts, report, scanned, html);
        applications(findings, applications, report.rules(), html);
        maps(applications, html);
        html.raw("<section id=\"findings\"><h2>Findings</h2>");
        FindingsTable.write(findings, applications, html);
        html.raw("</section><section id=\"fixes\"><h2>How to fix</h2>");
        FindingsTable.writeFixes(findings, html);
        html.raw("</section>");
        input(report, html);
        html.raw("</main><script>").raw(SCRIPT).raw("</script></body></html>\n");
        return html.toString();
    }

    private void header(Report report, Verdict overall, Markup html) {
        html.raw("<header><h1>Production readiness</h1><p class=\"overall\">Overall: ")
                .raw("<span id=\"overall-verdict\" class=\"verdict " + overall.cssClass() + "\">").text(overall.label()).raw("</span> ")
                .number(report.findings().size()).text(report.findings().size() == 1 ? " finding" : " findings").text(" in ")
                .number(report.coverage().filesFound());
        if (report.coverage().cluster().isPresent()) {
            html.text(report.coverage().filesFound() == 1 ? " object" : " objects").text(" of cluster ")
                    .raw("<span id=\"cluster\">").text(report.coverage().cluster().get().label()).raw("</span>");
        } else {
            html.text(report.coverage().filesFound() == 1 ? " file" : " files");
        }
        html.text(", " + report.coverage().rulesRun() + " rules run. Written by shipshape " + toolVersion + ".").raw("</p>");
        html.raw("<p id=\"verdict-rule\" class=\"rule\"><strong>How verdicts are decided.</strong> ").text(Verdict.RULE)
                .text(" Suppressed and waived findings, and findings already in a baseline, do not count.").raw("</p>");
        long unchecked = report.diagnostics().stream().filter(diagnostic -> diagnostic.level() == Diagnostic.Level.ERROR).count()
                + report.coverage().skipped().stream().filter(SkippedFile::unchecked).count();
        if (unchecked > 0) {
            html.raw("<p id=\"unchecked\" class=\"warning\">").number(unchecked)
                    .text(" input problems: part of the input was not checked, and the verdicts do not cover it (see Input).").raw("</p>");
        }
        html.raw("<nav><a href=\"#pillars\">Pillars</a> <a href=\"#applications\">Applications</a> <a href=\"#maps\">Network maps</a> ")
                .raw("<a href=\"#findings\">Findings</a> <a href=\"#fixes\">How to fix</a> <a href=\"#input\">Input</a></nav></header>\n");
    }

    private static void pillars(List<Finding> findings, Map<Pillar, Verdict> verdicts, Report report, Set<SourceKind> scanned,
            Markup html) {
        Map<Pillar, Map<Severity, Integer>> counts = new EnumMap<>(Pillar.class);
        for (Finding finding : findings) {
            counts.computeIfAbsent(finding.rule().pillar(), p -> new EnumMap<>(Severity.class)).merge(finding.severity(), 1, Integer::sum);
        }
        html.raw("<section id=\"pillars\"><h2>Pillars</h2><div class=\"cards\">");
        for (Pillar pillar : Pillar.values()) {
            Verdict verdict = verdicts.get(pillar);
            long applicable = report.rules().stream().filter(rule -> rule.pillar() == pillar && applies(rule, scanned)).count();
            html.raw("<div class=\"card " + verdict.cssClass() + "\" data-pillar=\"" + PillarChart.key(pillar) + "\">")
                    .element("h3", null, pillar.displayName())
                    .raw("<p class=\"verdict " + verdict.cssClass() + "\">").text(verdict.label()).raw("</p><ul class=\"counts\">");
            for (Severity severity : Severity.values()) {
                int count = counts.getOrDefault(pillar, Map.of()).getOrDefault(severity, 0);
                html.raw("<li class=\"sev-" + severity.label() + (count == 0 ? " zero" : "") + "\"><b>").number(count).raw("</b> ")
                        .text(severity.label()).raw("</li>");
            }
            html.raw("</ul><p class=\"meta\">").number(applicable).text(applicable == 1 ? " rule applies" : " rules apply")
                    .text(" to what was scanned").raw("</p></div>");
        }
        html.raw("</div><h3>Findings by pillar and severity</h3>");
        PillarChart.write(counts, html);
        html.raw("</section>\n");
    }

    private static void applications(List<Finding> findings, Applications applications, List<RuleInfo> rules, Markup html) {
        Map<Application, List<Finding>> byApplication = new LinkedHashMap<>();
        applications.all().forEach(application -> byApplication.put(application, new ArrayList<>()));
        for (Finding finding : findings) byApplication.get(applications.of(finding)).add(finding);

        html.raw("<section id=\"applications\"><h2>Applications</h2>")
                .raw("<p class=\"meta\">A Compose project is its Compose file, a stack its stack file; Kubernetes objects group by "
                        + "namespace (<code>default</code> when none is named); a live Docker Engine is one host. "
                        + "Dockerfiles count with the application built from them.</p>");
        if (byApplication.isEmpty()) {
            html.raw("<p class=\"empty\">Nothing was read that forms an application.</p></section>\n");
            return;
        }
        Markup table = new Markup();
        Map<Verdict, Integer> tally = new EnumMap<>(Verdict.class);
        table.raw("<div class=\"apps-scroll\"><table id=\"applications-table\" class=\"apps\"><thead><tr><th>Application</th><th>Verdict</th>");
        for (Pillar pillar : Pillar.values()) table.element("th", null, pillar.displayName());
        table.raw("<th>Findings</th></tr></thead><tbody>");
        int index = 0;
        for (Map.Entry<Application, List<Finding>> entry : byApplication.entrySet()) {
            Application application = entry.getKey();
            Verdict overall = Verdict.NOT_ASSESSED;
            Markup cells = new Markup();
            for (Pillar pillar : Pillar.values()) {
                List<Finding> ofPillar = entry.getValue().stream().filter(finding -> finding.rule().pillar() == pillar).toList();
                Verdict verdict = Verdict.of(ofPillar, assessed(pillar, application.sources(), rules, ofPillar));
                overall = overall.worse(verdict);
                cells.raw("<td class=\"verdict " + verdict.cssClass() + "\" data-pillar=\"" + PillarChart.key(pillar) + "\">")
                        .text(verdict.label()).raw("</td>");
            }
            tally.merge(overall, 1, Integer::sum);
            table.raw("<tr data-app=\"" + index + "\"").attribute("data-name", application.title()).raw("><th scope=\"row\">")
                    .element("span", "app-kind", application.kind().label()).raw(" ").text(application.name()).raw("</th>")
                    .raw("<td class=\"verdict app-verdict " + overall.cssClass() + "\">").text(overall.label()).raw("</td>")
                    .raw(cells.toString()).raw("<td class=\"num\">").number(entry.getValue().size()).raw("</td></tr>\n");
            index++;
        }
        html.raw("<p id=\"applications-summary\">").number(byApplication.size())
                .text(byApplication.size() == 1 ? " application: " : " applications: ");
        List<String> parts = new ArrayList<>();
        for (Verdict verdict : Verdict.values()) {
            if (tally.containsKey(verdict)) parts.add(tally.get(verdict) + " " + verdict.label());
        }
        html.text(String.join(", ", parts) + ".").raw("</p>").raw(table.toString());
        html.raw("</tbody></table></div></section>\n");
    }

    private static void maps(Applications applications, Markup html) {
        List<Application> all = applications.all();
        Map<Integer, NetworkMap> maps = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            NetworkMap map = MapContents.of(applications, all.get(i), MAX_NODES_PER_MAP);
            if (!map.isEmpty()) maps.put(i, map);
        }
        html.raw("<section id=\"maps\"><h2>Network maps</h2>")
                .raw("<p class=\"meta legend\">Boxes are services, workloads and containers (a Kubernetes Service is drawn dashed); "
                        + "an arrow points from whoever depends on, links to, shares the network of, or sends traffic to the other. "
                        + "Bands are networks, each node's line ends on a dot at the networks it joins: "
                        + "<span class=\"key danger\">host network</span> <span class=\"key warn\">overlay not encrypted</span> "
                        + "<span class=\"key all-interfaces\">published on every host interface</span>. "
                        + "Maps are drawn for at most " + MAX_NODES_PER_MAP + " nodes an application.</p>")
                .raw("<svg class=\"defs\" width=\"0\" height=\"0\" aria-hidden=\"true\"><defs><marker id=\"ss-arrow\" viewBox=\"0 0 10 10\" "
                        + "refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
                        + "<path d=\"M0 0 L10 5 L0 10 z\"></path></marker></defs></svg>");
        if (maps.isEmpty()) html.raw("<p class=\"empty\">No services, workloads or containers were read.</p>");
        boolean open = maps.size() <= MAPS_OPEN;
        for (Map.Entry<Integer, NetworkMap> entry : maps.entrySet()) {
            Application application = all.get(entry.getKey());
            NetworkMap map = entry.getValue();
            html.raw("<details class=\"map\"" + (open ? " open" : "") + " data-app=\"" + entry.getKey() + "\"")
                    .attribute("data-name", application.title()).raw("><summary>").text(application.title()).raw(" <span class=\"meta\">")
                    .number(map.nodes().size()).text(map.nodes().size() == 1 ? " node, " : " nodes, ")
                    .number(map.edges().size()).text(map.edges().size() == 1 ? " edge, " : " edges, ")
                    .number(map.bands().size()).text(map.bands().size() == 1 ? " network" : " networks")
                    .raw("</span></summary>");
            if (map.omitted() > 0) {
                html.raw("<p class=\"omitted\">").number(map.omitted())
                        .text(" more not drawn: the first " + MAX_NODES_PER_MAP + " are shown (every finding is in the table).").raw("</p>");
            }
            html.raw("<div class=\"scroll\">");
            MapSvg.write(map, application.title(), html);
            html.raw("</div></details>\n");
        }
        html.raw("</section>\n");
    }

    private static void input(Report report, Markup html) {
        html.raw("<section id=\"input\"><h2>Input</h2><p>");
        List<String> kinds = new ArrayList<>();
        for (SourceKind kind : SourceKind.values()) {
            int found = report.coverage().found().getOrDefault(kind, 0);
            if (found > 0) kinds.add(found + " " + kind.displayName() + (found == 1 ? "" : "s"));
        }
        html.text(kinds.isEmpty() ? "No files were scanned." : "Scanned: " + String.join(", ", kinds) + ".");
        if (!report.suppressed().isEmpty()) {
            long waived = report.suppressed().stream().filter(Report.SuppressedFinding::isWaived).count();
            html.text(" " + report.suppressed().size() + " findings are hidden (" + waived + " by waivers, "
                    + (report.suppressed().size() - waived) + " by suppressions) and not counted.");
        }
        report.baseline().ifPresent(baseline -> html.text(" " + baseline.unchanged().size() + " findings are in the baseline "
                + baseline.file() + " and not counted; " + baseline.fixed().size() + " of its entries are fixed."));
        if (!report.policies().isEmpty()) html.text(" Policy: " + String.join(", ", report.policies()) + ".");
        html.raw("</p>");
        List<Diagnostic> diagnostics = report.diagnostics();
        List<SkippedFile> unchecked = report.coverage().skipped().stream().filter(SkippedFile::unchecked).toList();
        if (!diagnostics.isEmpty() || !unchecked.isEmpty()) {
            html.raw("<ul id=\"diagnostics\" class=\"diagnostics\">");
            int listed = 0;
            for (Diagnostic diagnostic : diagnostics) {
                if (listed++ == MAX_DIAGNOSTICS_LISTED) break;
                String level = diagnostic.level().name().toLowerCase(Locale.ROOT);
                html.raw("<li class=\"" + level + "\">").element("span", "loc", diagnostic.origin().toString()).raw(" ")
                        .element("b", null, level).raw(" ").text(diagnostic.message()).raw("</li>");
            }
            for (SkippedFile skipped : unchecked) {
                html.raw("<li class=\"error\">").element("span", "loc", skipped.path()).raw(" <b>not checked</b> ")
                        .text(skipped.reason()).raw("</li>");
            }
            html.raw("</ul>");
            if (diagnostics.size() > MAX_DIAGNOSTICS_LISTED) {
                html.raw("<p class=\"meta\">").number(diagnostics.size() - MAX_DIAGNOSTICS_LISTED)
                        .text(" more input problems are not listed here; the text and JSON reports list them all.").raw("</p>");
            }
        }
        html.raw("</section>");
    }

    /** A pillar is judged where one of its rules that ran applies to a kind of input read, or where it has findings. */
    private static boolean assessed(Pillar pillar, Set<SourceKind> sources, List<RuleInfo> rules, List<Finding> findings) {
        return !findings.isEmpty() || rules.stream().anyMatch(rule -> rule.pillar() == pillar && applies(rule, sources));
    }

    private static boolean applies(RuleInfo rule, Set<SourceKind> sources) {
        return rule.appliesTo().stream().anyMatch(sources::contains);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReporter.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("the HTML report's " + name + " is missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
