package dev.shipshape.report;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.rules.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Surefire-style JUnit XML, which CI servers show as test results: a {@code <testsuite>} per file (or
 * live object) with a failing {@code <testcase>} per finding, and a suite "input" with an erroring
 * case per input error. A run without findings or errors is one suite with one passing case, so
 * that the CI page shows the check ran. Every suite follows the Surefire report schema; several are
 * wrapped in {@code <testsuites>}, as Ant, Jenkins and GitLab read them.
 *
 * <pre>{@code
 * <testsuites name="shipshape" tests="1" failures="1" errors="0">
 *   <testsuite name="compose.yaml" tests="1" failures="1" errors="0" skipped="0" time="0">
 *     <testcase name="compose.yaml:6:5 privileged-container" classname="compose.yaml" time="0">
 *       <failure type="privileged-container" message="critical: service 'web' runs privileged">...fix...</failure>
 * }</pre>
 */
public final class JunitReporter implements Reporter {

    @Override
    public void write(Report report, Writer out) throws IOException {
        Map<String, List<Finding>> bySource = new LinkedHashMap<>();
        for (Finding finding : report.findings()) bySource.computeIfAbsent(finding.origin().source(), source -> new ArrayList<>()).add(finding);
        List<Diagnostic> errors = report.diagnostics().stream().filter(diagnostic -> diagnostic.level() == Diagnostic.Level.ERROR).toList();
        try {
            XMLStreamWriter xml = Xml.open(out);
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "shipshape");
            xml.writeAttribute("tests", String.valueOf(Math.max(1, report.findings().size() + errors.size())));
            xml.writeAttribute("failures", String.valueOf(report.findings().size()));
            xml.writeAttribute("errors", String.valueOf(errors.size()));
            for (var suite : bySource.entrySet()) {
                startSuite(xml, suite.getKey(), suite.getValue().size(), suite.getValue().size(), 0);
                for (Finding finding : suite.getValue()) {
                    startCase(xml, finding.origin() + " " + finding.rule().name(), suite.getKey());
                    xml.writeStartElement("failure");
                    xml.writeAttribute("type", finding.rule().name());
                    xml.writeAttribute("message", finding.severity().label() + ": " + Xml.clean(finding.message()));
                    xml.writeCharacters(Xml.clean(finding.rule().title() + "\n" + "fix: " + report.remediation(finding)));
                    xml.writeEndElement();
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            if (!errors.isEmpty()) {
                startSuite(xml, "input", errors.size(), 0, errors.size());
                for (Diagnostic error : errors) {
                    startCase(xml, error.origin().toString(), "input");
                    xml.writeStartElement("error");
                    xml.writeAttribute("type", "input-error");
                    xml.writeAttribute("message", Xml.clean(error.message()));
                    xml.writeEndElement();
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            if (bySource.isEmpty() && errors.isEmpty()) {
                startSuite(xml, "shipshape", 1, 0, 0);
                startCase(xml, "no findings", "shipshape");
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            Xml.finish(xml, out);
        } catch (XMLStreamException failure) {
            throw new IOException(failure.getMessage(), failure);
        }
    }

    private static void startSuite(XMLStreamWriter xml, String name, int tests, int failures, int errors) throws XMLStreamException {
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", Xml.clean(name));
        xml.writeAttribute("tests", String.valueOf(tests));
        xml.writeAttribute("failures", String.valueOf(failures));
        xml.writeAttribute("errors", String.valueOf(errors));
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", "0");
    }

    private static void startCase(XMLStreamWriter xml, String name, String className) throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", Xml.clean(name));
        xml.writeAttribute("classname", Xml.clean(className));
        xml.writeAttribute("time", "0");
    }
}
