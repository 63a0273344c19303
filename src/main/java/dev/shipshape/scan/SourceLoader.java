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
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Loads one file with the loader its kind names; a file that cannot be read becomes a diagnostic. */
public final class SourceLoader {

    private final ComposeEnvironment compose;

    /** @param environment the variables Compose interpolation sees (the process environment in real runs) */
    public SourceLoader(Map<String, String> environment) {
        this(ComposeEnvironment.of(environment));
    }

    /** @param compose the variables Compose interpolation sees, and how ({@code --env-file}, {@code --strict-env}) */
    public SourceLoader(ComposeEnvironment compose) {
        this.compose = compose;
    }

    public LoadResult load(Path file, String shownPath, SourceKind kind) {
        if (kind == SourceKind.COMPOSE || kind == SourceKind.STACK) {
            return new ComposeLoader().load(file, shownPath, kind, compose, null);
        }
        String text;
        try {
            text = readText(file);
        } catch (CharacterCodingException notText) {
            return LoadResult.failed(Diagnostic.error(Origin.at(shownPath, 1, 1), "not a UTF-8 text file; skipped"));
        } catch (IOException unreadable) {
            return LoadResult.failed(Diagnostic.error(Origin.at(shownPath, 1, 1), "cannot read the file: " + describe(unreadable)));
        }
        return switch (kind) {
            case KUBERNETES -> new KubernetesLoader().load(shownPath, text);
            case DOCKERFILE -> new DockerfileLoader().load(shownPath, text);
            case DAEMON_JSON -> new DaemonConfigLoader().load(shownPath, text);
            case COMPOSE, STACK, LIVE_DOCKER -> throw new IllegalArgumentException("not a file kind: " + kind);
        };
    }

    /**
     * Like {@link #load(Path, String, SourceKind)}, with the text already read (the scan reads each
     * file once, for its suppression comments too). The Compose loader still reads the file itself,
     * since it also reads the {@code .env} and override files beside it.
     */
    public LoadResult load(Path file, String shownPath, SourceKind kind, String text) {
        return switch (kind) {
            case COMPOSE, STACK -> new ComposeLoader().load(file, shownPath, kind, compose, text);
            case KUBERNETES -> new KubernetesLoader().load(shownPath, text);
            case DOCKERFILE -> new DockerfileLoader().load(shownPath, text);
            case DAEMON_JSON -> new DaemonConfigLoader().load(shownPath, text);
            case LIVE_DOCKER -> throw new IllegalArgumentException("not a file kind: " + kind);
        };
    }

    /** Reads a file as strict UTF-8 (a byte-order mark is dropped). */
    public static String readText(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(bytes))
                .toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
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
