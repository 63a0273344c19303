package dev.shipshape.load.compose;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import dev.shipshape.scan.SourceLoader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/**
 * Reads the seccomp profile a {@code security_opt: [seccomp:<path>]} names, as Compose does before
 * it sends the profile inline: relative to the Compose file's folder. A profile that cannot be
 * read is a warning, and Compose itself refuses to start the service.
 */
final class SeccompProfileFiles {

    private final ComposeFiles files;
    private final List<Diagnostic> diagnostics;
    private final List<String> filesRead;

    SeccompProfileFiles(ComposeFiles files, List<Diagnostic> diagnostics, List<String> filesRead) {
        this.files = files;
        this.diagnostics = diagnostics;
        this.filesRead = filesRead;
    }

    /** The profile's text, or empty for {@code unconfined}, a built-in name, or a file that cannot be read. */
    Optional<String> read(String path, Origin writtenAt) {
        if (path.isBlank() || path.equals("unconfined") || path.startsWith("{")) return Optional.empty();
        Optional<ComposeFiles.Location> location = files.locate(writtenAt.source(), path);
        if (location.isEmpty() || !Files.isRegularFile(location.get().real())) {
            diagnostics.add(Diagnostic.warning(writtenAt, "security_opt: cannot read the seccomp profile \"" + path
                    + "\", so it is not checked (Compose will refuse to start the service)"));
            return Optional.empty();
        }
        String shown = location.get().shown();
        try {
            String text = SourceLoader.readText(location.get().real());
            if (!filesRead.contains(shown)) filesRead.add(shown);
            return Optional.of(text);
        } catch (CharacterCodingException notText) {
            diagnostics.add(Diagnostic.warning(writtenAt, "security_opt: the seccomp profile " + shown + " is not a UTF-8 text file"));
        } catch (IOException unreadable) {
            diagnostics.add(Diagnostic.warning(writtenAt, "security_opt: cannot read the seccomp profile " + shown + ": "
                    + SourceLoader.describe(unreadable)));
        }
        return Optional.empty();
    }
}
