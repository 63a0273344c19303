package dev.shipshape.scan;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import dev.shipshape.model.SourceKind;
import dev.shipshape.scan.FileClassifier.NameClass;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Looks at one file a walk found (or the user named) and says whether the scan loads it, skips it,
 * or leaves it alone: it reads the file safely ({@link InputFile}), tells its kind
 * ({@link FileClassifier}), and decides what a file it cannot read means.
 *
 * <p>A file that is one of ours, by its name or by what could be read of it, but cannot be checked
 * (too large, unreadable, not a regular file, not text) is never passed in silence: it is skipped
 * with its reason <em>and</em> reported as an error, so the run fails unless the user leaves the
 * file out ({@code --exclude}) or raises the limit ({@code --max-file-size}). A YAML or JSON file
 * that is too large is streamed through the {@link DocumentSniffer} (never held whole) to tell
 * whether it is ours; one that cannot be read at all is taken for ours, since it may be.
 */
final class FileExaminer {

    /** How far past the size limit a large YAML file is streamed to tell its kind. */
    static final int LARGE_FILE_SNIFF_FACTOR = 8;

    /** What to do with one file; exactly one of {@code found} or {@code skipped}, or neither (not ours). */
    record Examined(Optional<FoundFile> found, Optional<SkippedFile> skipped, Optional<SourceKind> kind, Optional<Diagnostic> diagnostic) {

        static final Examined NOT_OURS = new Examined(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        static Examined found(FoundFile file) {
            return new Examined(Optional.of(file), Optional.empty(), Optional.of(file.kind()), Optional.empty());
        }

        static Examined skipped(SkippedFile file, SourceKind kind, Diagnostic diagnostic) {
            return new Examined(Optional.empty(), Optional.of(file), Optional.ofNullable(kind), Optional.ofNullable(diagnostic));
        }

        static Examined diagnostic(Diagnostic diagnostic) {
            return new Examined(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(diagnostic));
        }
    }

    private final long maxFileSize;

    FileExaminer(long maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    Examined examine(Path file, String shownPath, boolean namedExplicitly) {
        String name = nameOf(file);
        NameClass byName = FileClassifier.byName(name, namedExplicitly);
        if (byName == NameClass.NONE && !namedExplicitly) return Examined.NOT_OURS;
        Optional<SourceKind> kindByName = switch (byName) {
            case DOCKERFILE -> Optional.of(SourceKind.DOCKERFILE);
            case DAEMON_JSON -> Optional.of(SourceKind.DAEMON_JSON);
            case YAML, NONE -> Optional.empty();
        };
        byte[] bytes;
        try {
            bytes = InputFile.readBytes(file, maxFileSize);
        } catch (InputRefused refused) {
            if (refused.reason() == InputRefused.Reason.TOO_LARGE) {
                Optional<SourceKind> kind = kindByName.isPresent() ? kindByName : largeFileKind(file, name);
                if (kind.isEmpty() && !namedExplicitly) return Examined.NOT_OURS;
                return unchecked(shownPath, refused.getMessage(), kind.orElse(null), "it is larger than the "
                        + InputFile.bytes(maxFileSize) + " limit; raise the limit with --max-file-size or leave it out with --exclude");
            }
            return unchecked(shownPath, refused.getMessage(), kindByName.orElse(null), "it is " + refused.getMessage()
                    + "; leave it out with --exclude");
        } catch (IOException unreadable) {
            String reason = "cannot read: " + SourceLoader.describe(unreadable);
            return unchecked(shownPath, reason, kindByName.orElse(null), "the file cannot be read ("
                    + SourceLoader.describe(unreadable) + "); leave it out with --exclude");
        }
        String text;
        try {
            text = InputFile.decode(bytes);
        } catch (InputRefused notText) {
            if (notText.reason() == InputRefused.Reason.BINARY && !namedExplicitly) {
                return kindByName.isPresent()
                        ? Examined.skipped(new SkippedFile(shownPath, notText.getMessage()), kindByName.get(), null)
                        : Examined.NOT_OURS;
            }
            Optional<SourceKind> kind = kindByName.isPresent() ? kindByName
                    : FileClassifier.yamlKind(name, new String(bytes, InputFile.encodingOf(bytes).charset()));
            if (kind.isEmpty() && !namedExplicitly) return Examined.NOT_OURS;
            return unchecked(shownPath, notText.getMessage(), kind.orElse(null), "it is " + notText.getMessage()
                    + "; save it as UTF-8 (or UTF-16/32 with a byte-order mark) or leave it out with --exclude");
        }
        Optional<SourceKind> kind = kindOf(name, namedExplicitly, text);
        if (kind.isEmpty()) {
            return namedExplicitly ? Examined.diagnostic(cannotTell(shownPath)) : Examined.NOT_OURS;
        }
        return Examined.found(new FoundFile(file, shownPath, kind.get()));
    }

    /**
     * Standard input ({@code shipshape scan -}): read once, up to the size limit, and kept, since it
     * cannot be read again. Its kind is what its name ({@code --stdin-name}) says, else what its
     * content is.
     */
    Examined examineStream(InputStream in, String shownPath) {
        String name = nameOf(Path.of(shownPath.replace('<', '_').replace('>', '_')));
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileSize + 1));
        } catch (IOException unreadable) {
            return unchecked(shownPath, "cannot read: " + SourceLoader.describe(unreadable), null,
                    "standard input cannot be read (" + SourceLoader.describe(unreadable) + ")");
        }
        if (bytes.length > maxFileSize) {
            return unchecked(shownPath, InputFile.tooLarge(maxFileSize).getMessage(), null, "standard input is larger than the "
                    + InputFile.bytes(maxFileSize) + " limit; raise the limit with --max-file-size");
        }
        String text;
        try {
            text = InputFile.decode(bytes);
        } catch (InputRefused notText) {
            return unchecked(shownPath, notText.getMessage(), null, "standard input is " + notText.getMessage());
        }
        Optional<SourceKind> kind = kindOf(name, true, text);
        if (kind.isEmpty()) {
            return Examined.diagnostic(Diagnostic.error(Origin.at(shownPath, 1, 1), "cannot tell what kind of input this is: "
                    + "a Compose file needs a top-level `services:`, a Kubernetes manifest `apiVersion:` and `kind:`, "
                    + "a Dockerfile starts with FROM or ARG; name it with --stdin-name (e.g. --stdin-name daemon.json)"));
        }
        return Examined.found(new FoundFile(ScanRequest.STANDARD_INPUT, shownPath, kind.get(), Optional.empty(), Optional.of(text)));
    }

    /**
     * The kind of a text: by its name when that says Dockerfile or daemon.json, else by its YAML
     * structure; a text named nothing we know, given explicitly, may also read as a Dockerfile.
     */
    static Optional<SourceKind> kindOf(String name, boolean namedExplicitly, String text) {
        NameClass byName = FileClassifier.byName(name, namedExplicitly);
        if (byName == NameClass.DOCKERFILE) return Optional.of(SourceKind.DOCKERFILE);
        if (byName == NameClass.DAEMON_JSON) return Optional.of(SourceKind.DAEMON_JSON);
        Optional<SourceKind> kind = FileClassifier.yamlKind(name, text);
        if (kind.isEmpty() && byName == NameClass.NONE && FileClassifier.looksLikeDockerfile(text)) return Optional.of(SourceKind.DOCKERFILE);
        return kind;
    }

    /** Skipped, and an error: the run must not pass on a file nobody checked. */
    private static Examined unchecked(String shownPath, String reason, SourceKind kind, String why) {
        Diagnostic error = Diagnostic.error(Origin.at(shownPath, 1, 1), "not checked: " + why);
        return Examined.skipped(new SkippedFile(shownPath, reason, true), kind, error);
    }

    static Diagnostic cannotTell(String shownPath) {
        return Diagnostic.error(Origin.at(shownPath, 1, 1), "cannot tell what kind of file this is: "
                + "name a Dockerfile `Dockerfile` or `*.Dockerfile`, a Docker daemon configuration `daemon.json`; "
                + "a Compose file needs a top-level `services:`, a Kubernetes manifest `apiVersion:` and `kind:`");
    }

    /**
     * The kind of a YAML file too large to load, streamed: its structure for as far as a few times
     * the limit, else its lines. Empty when neither tells (or it cannot be read at all).
     */
    private Optional<SourceKind> largeFileKind(Path file, String name) {
        int budget = (int) Math.min(Integer.MAX_VALUE - 1L, maxFileSize * LARGE_FILE_SNIFF_FACTOR);
        try (Reader reader = reader(file)) {
            DocumentSniffer.Verdict verdict = DocumentSniffer.sniff(reader, budget);
            if (verdict != DocumentSniffer.Verdict.UNREADABLE) return FileClassifier.kindOf(name, verdict, "");
        } catch (IOException unreadable) {
            return Optional.empty();
        }
        try (BufferedReader lines = new BufferedReader(reader(file))) {
            StringBuilder heads = new StringBuilder();
            long read = 0;
            for (String line = lines.readLine(); line != null && read < budget; line = lines.readLine()) {
                read += line.length() + 1;
                if (line.startsWith("apiVersion:") || line.startsWith("kind:") || line.startsWith("services:")) {
                    heads.append(line, 0, Math.min(line.length(), 16)).append('\n');
                }
            }
            return FileClassifier.byLines(name, heads.toString());
        } catch (IOException | RuntimeException undecodable) {
            return Optional.empty();
        }
    }

    private static Reader reader(Path file) throws IOException {
        InputStream in = new BufferedInputStream(InputFile.open(file));
        in.mark(4);
        InputFile.Encoding encoding = InputFile.encodingOf(in.readNBytes(4));
        in.reset();
        in.skipNBytes(encoding.markLength());
        return new InputStreamReader(in, encoding.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static String nameOf(Path path) {
        Path name = path.getFileName();
        return name == null ? "" : name.toString();
    }
}
