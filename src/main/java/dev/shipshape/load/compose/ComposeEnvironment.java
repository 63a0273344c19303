package dev.shipshape.load.compose;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.scan.SourceLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables Compose files are interpolated with, put together as {@code docker compose} does
 * (highest first): {@code --env KEY=VALUE}, which stands for a variable set in the shell; the
 * shell's environment; the {@code --env-file} files, a later one over an earlier one; and only
 * when no {@code --env-file} is given, the {@code .env} file beside each Compose file.
 *
 * @param variables   the command line's and the shell's variables, over those of the {@code --env-file} files
 * @param readsDotEnv false when {@code --env-file} is given: Compose then reads no {@code .env}
 * @param strict      {@code --strict-env}: an unset required variable ({@code ${VAR:?message}}) is an error, not a warning
 */
public record ComposeEnvironment(Map<String, String> variables, boolean readsDotEnv, boolean strict) {

    public ComposeEnvironment {
        variables = Map.copyOf(variables);
    }

    /** The shell's variables, with each file's {@code .env}: what a plain {@code docker compose} sees. */
    public static ComposeEnvironment of(Map<String, String> shell) {
        return new ComposeEnvironment(shell, true, false);
    }

    /** A {@code --env-file} that cannot be read: the run stops, as {@code docker compose} does. */
    public static final class UnreadableEnvFile extends Exception {
        UnreadableEnvFile(String message) {
            super(message);
        }
    }

    /**
     * @param envFiles    {@code --env-file}, in the order given
     * @param overrides   {@code --env}, in the order given (a later one wins)
     * @param diagnostics where problems inside the env files go, with their line
     */
    public static ComposeEnvironment fromCommandLine(Map<String, String> shell, List<Path> envFiles, Map<String, String> overrides,
            boolean strict, List<Diagnostic> diagnostics) throws UnreadableEnvFile {
        Map<String, String> shellAndOverrides = new HashMap<>(shell);
        shellAndOverrides.putAll(overrides);
        Map<String, String> variables = new HashMap<>();
        for (Path file : envFiles) {
            String shown = file.toString();
            if (!Files.isRegularFile(file)) throw new UnreadableEnvFile("env file not found: " + shown);
            String text;
            try {
                text = SourceLoader.readText(file);
            } catch (IOException unreadable) {
                throw new UnreadableEnvFile(shown + ": cannot read the env file: " + SourceLoader.describe(unreadable));
            }
            // each file is interpolated with the shell and the files before it, as Compose does
            Map<String, String> visible = new HashMap<>(variables);
            visible.putAll(shellAndOverrides);
            variables.putAll(DotEnvFile.parse(text, shown, visible, diagnostics));
        }
        variables.putAll(shellAndOverrides);
        return new ComposeEnvironment(variables, envFiles.isEmpty(), strict);
    }
}
