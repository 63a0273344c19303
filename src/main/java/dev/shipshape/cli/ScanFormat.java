package dev.shipshape.cli;

import dev.shipshape.report.CheckstyleReporter;
import dev.shipshape.report.GithubReporter;
import dev.shipshape.report.GitlabReporter;
import dev.shipshape.report.JsonReporter;
import dev.shipshape.report.JunitReporter;
import dev.shipshape.report.Reporter;
import dev.shipshape.report.SarifReporter;
import dev.shipshape.report.TextReporter;
import dev.shipshape.report.html.HtmlReporter;

/**
 * {@code --format}: every report format, and the one place that makes each format's reporter. A new
 * format is a constant here and one line in {@link #reporter}.
 */
enum ScanFormat {
    TEXT, JSON, SARIF, JUNIT, CHECKSTYLE, GITLAB, GITHUB, HTML;

    /**
     * What a reporter may need from the command line.
     *
     * @param toolVersion shipshape's version, for the formats that name the tool
     * @param color       ANSI colours in the text report
     */
    record Settings(String toolVersion, boolean color, boolean quiet, boolean showSuppressed, boolean verbose) {
    }

    /** This format's reporter. */
    Reporter reporter(Settings settings) {
        return switch (this) {
            case TEXT -> new TextReporter(new TextReporter.Options(settings.color(), settings.quiet(), settings.showSuppressed(),
                    settings.verbose()));
            case JSON -> new JsonReporter(settings.toolVersion());
            case SARIF -> new SarifReporter(settings.toolVersion());
            case JUNIT -> new JunitReporter();
            case CHECKSTYLE -> new CheckstyleReporter(settings.toolVersion());
            case GITLAB -> new GitlabReporter();
            case GITHUB -> new GithubReporter();
            case HTML -> new HtmlReporter(settings.toolVersion());
        };
    }

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static final class Choice extends EnumChoice<ScanFormat> {
        Choice() {
            super(ScanFormat.class);
        }
    }
}
