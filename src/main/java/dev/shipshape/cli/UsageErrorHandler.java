package dev.shipshape.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A mistyped command line gets its error, a "did you mean" when picocli has one, and where the help
 * is, as kubectl answers: the error stays the last thing on the screen instead of being scrolled away
 * by the whole option list.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(problem.getMessage());
        UnmatchedArgumentException.printSuggestions(problem, err);
        err.println("See '" + command.getCommandSpec().qualifiedName() + " --help' for the options and examples.");
        err.flush();
        return ExitCodes.USAGE;
    }
}
