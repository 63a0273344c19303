package dev.shipshape.load.compose;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scripts beside a Compose file that deploy it as a Swarm stack: a shell script ({@code *.sh}) or
 * {@code Makefile} in the same folder that runs {@code docker stack deploy -c <file>} (or
 * {@code --compose-file}, or the alias {@code docker stack up}) naming it. Bounded: only that folder, at most
 * {@value #MAX_SCRIPTS} scripts, the first {@value #READ_LIMIT} bytes of each; a script that cannot be read
 * is passed over (it is not the input, so it gets no diagnostic).
 */
final class DeployScripts {

    static final int READ_LIMIT = 256 * 1024;
    static final int MAX_SCRIPTS = 64;

    /** {@code docker stack deploy} (or {@code up}) and the rest of its command, to a command separator or the line's end. */
    private static final Pattern STACK_DEPLOY = Pattern.compile("\\bdocker\\s+stack\\s+(?:deploy|up)\\b([^\\n;&|]*)");

    private DeployScripts() {
    }

    /** The name of the first script (in name order) that deploys {@code file} as a stack. */
    static Optional<String> stackDeployerOf(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        Path name = absolute.getFileName();
        if (folder == null || name == null || !Files.isRegularFile(absolute)) return Optional.empty();
        for (Path script : scripts(folder)) {
            String text = head(script);
            if (text != null && deploys(text, folder, absolute)) return Optional.of(script.getFileName().toString());
        }
        return Optional.empty();
    }

    private static List<Path> scripts(Path folder) {
        List<Path> scripts = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, DeployScripts::isScriptName)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry)) scripts.add(entry);
            }
        } catch (IOException | DirectoryIteratorException | SecurityException unreadable) {
            return List.of();
        }
        scripts.sort(null);
        return scripts.size() > MAX_SCRIPTS ? scripts.subList(0, MAX_SCRIPTS) : scripts;
    }

    private static boolean isScriptName(Path entry) {
        Path name = entry.getFileName();
        if (name == null) return false;
        String text = name.toString();
        return text.endsWith(".sh") || text.equals("Makefile") || text.equals("makefile") || text.equals("GNUmakefile");
    }

    private static String head(Path script) {
        try (InputStream in = Files.newInputStream(script)) {
            return new String(in.readNBytes(READ_LIMIT), StandardCharsets.UTF_8);
        } catch (IOException | SecurityException unreadable) {
            return null;
        }
    }

    /** True when a {@code docker stack deploy} in the text names the file with {@code -c}/{@code --compose-file}. */
    static boolean deploys(String text, Path folder, Path file) {
        Matcher command = STACK_DEPLOY.matcher(text.replace("\\\r\n", " ").replace("\\\n", " "));
        while (command.find()) {
            List<String> words = List.of(command.group(1).strip().split("\\s+"));
            for (int at = 0; at < words.size(); at++) {
                String word = words.get(at);
                String named = null;
                if ((word.equals("-c") || word.equals("--compose-file")) && at + 1 < words.size()) named = words.get(at + 1);
                else if (word.startsWith("--compose-file=")) named = word.substring("--compose-file=".length());
                else if (word.startsWith("-c=")) named = word.substring(3);
                if (named != null && names(unquoted(named), folder, file)) return true;
            }
        }
        return false;
    }

    /**
     * True when a path written in a script is the file: resolved against the script's folder, or, when it
     * holds a variable the script sets ({@code $DIR/docker-stack.yml}), by its last component alone.
     */
    private static boolean names(String written, Path folder, Path file) {
        if (written.isEmpty() || written.equals("-")) return false;
        String lastComponent = written.substring(written.lastIndexOf('/') + 1);
        if (written.contains("$")) return lastComponent.equals(file.getFileName().toString());
        try {
            return folder.resolve(written).normalize().equals(file);
        } catch (InvalidPathException notAPath) {
            return false;
        }
    }

    private static String unquoted(String word) {
        return word.replace("\"", "").replace("'", "");
    }
}
