package dev.shipshape.cli;

import picocli.CommandLine;

/** What shipshape's exit status means; {@code --help} lists these. */
public final class ExitCodes {

    /** No finding at or above the failing threshold. */
    public static final int OK = 0;
    /**
     * Findings at or above the failing threshold ({@code --fail-on}), or a file that could not be
     * loaded (a syntax error): a file nobody could check must not pass a build.
     */
    public static final int FINDINGS = 1;
    /** Bad usage or configuration, or nothing to scan; picocli's own code for usage errors. */
    public static final int USAGE = CommandLine.ExitCode.USAGE;
    /**
     * A bug in shipshape. Not picocli's default of 1, which would read as "findings" to a CI job.
     */
    public static final int INTERNAL_ERROR = 3;

    static final String HEADING = "%nExit codes:%n";
    static final String OK_LINE = OK + ":no finding at or above the --fail-on threshold";
    static final String FINDINGS_LINE = FINDINGS + ":findings at or above the --fail-on threshold, or a file that could not be loaded";
    static final String USAGE_LINE = USAGE + ":usage or configuration error, or nothing to scan";
    static final String INTERNAL_ERROR_LINE = INTERNAL_ERROR + ":internal error (a bug; --debug shows the stack trace)";

    private ExitCodes() {
    }
}
