package dev.shipshape.report;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.rules.Finding;
import java.io.IOException;
import java.io.Writer;

/**
 * GitHub Actions workflow commands: printed in a job's log, each becomes an annotation on the file
 * and line (critical and high are {@code error}, medium {@code warning}, low and info
 * {@code notice}); input errors are {@code error} annotations too.
 *
 * <pre>
 * ::error file=compose.yaml,line=6,col=5,title=privileged-container (critical)::service 'web' runs privileged%0Afix: Remove ...
 * </pre>
 * Values are escaped as the Actions runner reads them: {@code %}, CR and LF in the message;
 * also {@code :} and {@code ,} in properties.
 */
public final class GithubReporter implements Reporter {

    @Override
    public void write(Report report, Writer out) throws IOException {
        for (Finding finding : report.findings()) {
            String level = switch (finding.severity()) {
                case CRITICAL, HIGH -> "error";
                case MEDIUM -> "warning";
                case LOW, INFO -> "notice";
            };
            String message = finding.origin().isInFile() ? finding.message() : finding.origin().source() + ": " + finding.message();
            out.write(command(level, finding.origin().isInFile() ? finding.origin().source() : null, finding.origin().line(),
                    finding.origin().column(), finding.rule().name() + " (" + finding.severity().label() + ")",
                    message + "\nfix: " + report.remediation(finding)));
        }
        for (Diagnostic diagnostic : report.diagnostics()) {
            if (diagnostic.level() != Diagnostic.Level.ERROR) continue;
            boolean inFile = diagnostic.origin().isInFile();
            out.write(command("error", inFile ? diagnostic.origin().source() : null, diagnostic.origin().line(), diagnostic.origin().column(),
                    "shipshape input error", inFile ? diagnostic.message() : diagnostic.origin().source() + ": " + diagnostic.message()));
        }
        out.flush();
    }

    private static String command(String level, String file, int line, int column, String title, String message) {
        StringBuilder command = new StringBuilder("::").append(level).append(' ');
        if (file != null) {
            command.append("file=").append(property(file)).append(',');
            if (line > 0) command.append("line=").append(line).append(',');
            if (column > 0) command.append("col=").append(column).append(',');
        }
        command.append("title=").append(property(title));
        return command.append("::").append(data(message)).append('\n').toString();
    }

    /**
     * A command's data as the runner reads it: {@code %}, CR and LF escaped; other control characters
     * from the input (an escape sequence in a YAML value) are shown as {@code \x1b}, not obeyed by the log viewer.
     */
    static String data(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '%' -> escaped.append("%25");
                case '\r' -> escaped.append("%0D");
                case '\n' -> escaped.append("%0A");
                default -> {
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) escaped.append(String.format("\\x%02x", (int) c));
                    else escaped.append(c);
                }
            }
        }
        return escaped.toString();
    }

    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
