package dev.shipshape.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command the release tests run as a user would: its own working folder and exactly the environment
 * given (nothing inherited, so that no JAVA_HOME or java on PATH leaks in unless a test puts it there).
 */
record ExternalCommand(List<String> command, Path folder, Map<String, String> environment, Duration timeout) {

    ExternalCommand {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    static ExternalCommand of(Path folder, String... command) {
        return new ExternalCommand(List.of(command), folder, Map.of("PATH", "/usr/bin:/bin"), Duration.ofMinutes(2));
    }

    ExternalCommand withEnvironment(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(environment);
        merged.putAll(more);
        return new ExternalCommand(command, folder, merged, timeout);
    }

    ExternalCommand withTimeout(Duration longer) {
        return new ExternalCommand(command, folder, environment, longer);
    }

    record Outcome(int exitCode, String out, String err) {

        /** For assertion messages. */
        String shown() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /** The program as the given PATH finds it (ProcessBuilder would search the test JVM's own PATH). */
    private String onPath(String program) {
        if (program.contains("/")) return program;
        for (String dir : environment.getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate)) return candidate.toString();
        }
        throw new AssertionError(program + " is not on PATH " + environment.get("PATH"));
    }

    Outcome run() {
        try {
            Path out = Files.createTempFile("release-out", ".txt");
            Path err = Files.createTempFile("release-err", ".txt");
            List<String> resolved = new ArrayList<>(command);
            resolved.set(0, onPath(command.get(0)));
            ProcessBuilder builder = new ProcessBuilder(resolved).directory(folder.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("timed out after " + timeout + ": " + String.join(" ", command));
            }
            Outcome outcome = new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return outcome;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + String.join(" ", command), e);
        }
    }
}
