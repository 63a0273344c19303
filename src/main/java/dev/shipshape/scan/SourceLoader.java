package dev.shipshape.scan;

import dev.shipshape.load.LoadResult;
import dev.shipshape.load.compose.ComposeEnvironment;
import dev.shipshape.load.compose.ComposeLoader;
import dev.shipshape.load.daemon.DaemonConfigLoader;
import dev.shipshape.load.dockerfile.DockerfileLoader;
import dev.shipshape.load.kubernetes.KubernetesLoader;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import dev.shipshape.model.SourceKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Loads one file with the loader its kind names; a file that cannot be read becomes a diagnostic. */
public final class SourceLoader {

    private final ComposeEnvironment compose;
    private final ReadScope scope;

    /** @param environment the variables Compose interpolation sees (the process environment in real runs) */
    public SourceLoader(Map<String, String> environment) {
        this(ComposeEnvironment.of(environment), ReadScope.DEFAULT);
    }

    /**
     * @param compose the variables Compose interpolation sees, and how ({@code --env-file}, {@code --strict-env})
     * @param scope   the size limit for every file read, and the scanned folders
     */
    public SourceLoader(ComposeEnvironment compose, ReadScope scope) {
        this.compose = compose;
        this.scope = scope;
    }

    public LoadResult load(Path file, String shownPath, SourceKind kind) {
        if (kind == SourceKind.COMPOSE || kind == SourceKind.STACK) {
            return new ComposeLoader(scope).load(file, shownPath, kind, compose, null);
        }
        String text;
        try {
            text = scope.readText(file);
        } catch (IOException unreadable) {
            return LoadResult.failed(Diagnostic.error(Origin.at(shownPath, 1, 1), "cannot read the file: " + describe(unreadable)));
        }
        return load(file, shownPath, kind, text);
    }

    /**
     * Like {@link #load(Path, String, SourceKind)}, with the text already read (the scan reads each
     * file once, for its suppression comments too). The Compose loader still reads the files beside
     * it ({@code .env}, the override file) from {@code file}'s folder.
     */
    public LoadResult load(Path file, String shownPath, SourceKind kind, String text) {
        return switch (kind) {
            case COMPOSE, STACK -> new ComposeLoader(scope).load(file, shownPath, kind, compose, text);
            case KUBERNETES -> new KubernetesLoader().load(shownPath, text);
            case DOCKERFILE -> new DockerfileLoader().load(shownPath, text);
            case DAEMON_JSON -> new DaemonConfigLoader().load(shownPath, text);
            case LIVE_DOCKER -> throw new IllegalArgumentException("not a file kind: " + kind);
        };
    }

    /**
     * Reads a text file of at most the default size limit, refusing what must not be opened
     * ({@link InputFile}); the encoding is told from its first bytes, a byte-order mark is dropped.
     */
    public static String readText(Path file) throws IOException {
        return InputFile.readText(file, ScanRequest.DEFAULT_MAX_FILE_SIZE);
    }

    /** An I/O error in words: "permission denied", "no such file", never a class name alone. */
    public static String describe(IOException error) {
        return switch (error) {
            case java.nio.file.NoSuchFileException missing -> "no such file";
            case java.nio.file.AccessDeniedException denied -> "permission denied";
            case java.nio.file.FileSystemLoopException loop -> "symbolic link loop";
            default -> error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        };
    }
}
