package dev.shipshape.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * An exception that escapes a command is a bug in shipshape: say so in one line and exit 3, so a
 * CI job cannot mistake it for "findings" (1); {@code --debug} prints the stack trace as well.
 */
final class InternalErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult fullParseResult) {
        PrintWriter err = commandLine.getErr();
        String what = exception.getClass().getName() + (exception.getMessage() == null ? "" : ": " + exception.getMessage());
        if (debugRequested(fullParseResult)) {
            exception.printStackTrace(err);
            err.println("shipshape: internal error: " + what);
        } else {
            err.println("shipshape: internal error: " + what + " (run with --debug for the stack trace)");
        }
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
    }

    /** {@code --debug} may be given before or after the subcommand. */
    private static boolean debugRequested(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--debug")) return true;
        }
        return false;
    }
}
