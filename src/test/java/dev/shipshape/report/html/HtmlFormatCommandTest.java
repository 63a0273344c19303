package dev.shipshape.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.cli.ShipshapeCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code scan --format html --output FILE}: the page goes to the file, nothing to standard output, the exit code as for any format. */
class HtmlFormatCommandTest {

    @Test
    void writesTheReportToTheFileNamed(@TempDir Path folder) throws Exception {
        Path page = folder.resolve("reports/report.html");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = ShipshapeCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));

        int exitCode = command.execute("scan", "--format", "html", "--output", page.toString(), "examples/insecure");

        assertThat(exitCode).as("findings at the default threshold").isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEmpty();
        String html = Files.readString(page);
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">").endsWith("</html>\n");
        assertThat(html).contains("<span id=\"overall-verdict\" class=\"verdict not-ready\">not ready</span>",
                "data-name=\"Compose project examples/insecure/compose.yaml\"");
    }
}
