package dev.shipshape.report;

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
 * Checkstyle XML, which many CI tools and review bots read (Jenkins warnings-ng, reviewdog, Danger):
 * a {@code <file>} per file with an {@code <error>} per finding. Severities: critical and high are
 * {@code error}, medium {@code warning}, low and info {@code info}. A live object has no file: its
 * description is the file name and its line is 0.
 *
 * <pre>{@code
 * <checkstyle version="0.1.0">
 *   <file name="compose.yaml">
 *     <error line="6" column="5" severity="error" message="service 'web' runs privileged"
 *            source="shipshape.privileged-container"/>
 * }</pre>
 */
public final class CheckstyleReporter implements Reporter {

    private final String toolVersion;

    public CheckstyleReporter(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        for (Finding finding : report.findings()) byFile.computeIfAbsent(finding.origin().source(), file -> new ArrayList<>()).add(finding);
        try {
            XMLStreamWriter xml = Xml.open(out);
            xml.writeStartElement("checkstyle");
            xml.writeAttribute("version", toolVersion);
            for (var file : byFile.entrySet()) {
                xml.writeStartElement("file");
                xml.writeAttribute("name", Xml.clean(file.getKey()));
                for (Finding finding : file.getValue()) {
                    xml.writeEmptyElement("error");
                    xml.writeAttribute("line", String.valueOf(finding.origin().line()));
                    if (finding.origin().column() > 0) xml.writeAttribute("column", String.valueOf(finding.origin().column()));
                    xml.writeAttribute("severity", severity(finding));
                    xml.writeAttribute("message", Xml.clean(finding.message() + " (fix: " + report.remediation(finding) + ")"));
                    xml.writeAttribute("source", "shipshape." + finding.rule().name());
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            Xml.finish(xml, out);
        } catch (XMLStreamException failure) {
            throw new IOException(failure.getMessage(), failure);
        }
    }

    private static String severity(Finding finding) {
        return switch (finding.severity()) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "info";
        };
    }
}
