package dev.shipshape.scan;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import dev.shipshape.model.SourceKind;
import dev.shipshape.scan.FileClassifier.NameClass;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the files to scan under the paths the user gave.
 *
 * <p>Folders are walked following symbolic links; a link loop or a broken link is reported as a
 * skipped file, never followed twice. The folders {@code .git}, {@code .hg}, {@code .svn},
 * {@code .bzr} and {@code node_modules} are never entered, nor the {@code templates/} folder of a
 * Helm chart (it needs rendering first; it is reported as skipped). In a walk, a file counts when
 * its name says Dockerfile or daemon.json ({@link FileClassifier}), or when it is YAML that looks
 * like Kubernetes or Compose; other YAML is left alone silently. A file named explicitly is always
 * looked at, and when its kind cannot be told that is reported.
 *
 * <p>{@code --exclude} globs use {@link java.nio.file.FileSystem#getPathMatcher Java's glob syntax}
 * ({@code *} stays within a folder, {@code **} crosses folders) and are matched against a file's or
 * folder's path relative to the scanned folder, against its path as shown in findings, and against
 * its name alone: {@code --exclude '*.test.yaml'}, {@code --exclude vendor} (a folder anywhere),
 * {@code --exclude 'deploy/legacy/**'} (a leading {@code ./} is ignored). Excluding a folder skips
 * all of it. Explicitly named files are never excluded.
 *
 * <p>Files larger than the size limit and binary files (a NUL byte in the first 8 KiB) are skipped
 * with the reason. A Compose override file ({@code compose.override.yaml} …) found beside its base
 * file is marked, so that it is not loaded on its own (the Compose loader merges it into the base).
 */
public final class FileDiscovery {

    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", ".hg", ".svn", ".bzr", "node_modules");
    static final int BINARY_SNIFF_BYTES = 8 * 1024;
    /** How much of a YAML file is read to tell its kind: the top-level keys of real files come well before this. */
    static final int YAML_HEAD_BYTES = 256 * 1024;

    private final List<PathMatcher> excludes;
    private final long maxFileSize;

    public FileDiscovery(List<String> excludeGlobs, long maxFileSize) throws ConfigurationException {
        List<PathMatcher> matchers = new ArrayList<>();
        for (String glob : excludeGlobs) {
            try {
                String pattern = glob.startsWith("./") ? glob.substring(2) : glob; // shown paths never start with ./
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
            } catch (IllegalArgumentException badGlob) {
                throw new ConfigurationException("--exclude '%s' is not a valid glob: %s".formatted(glob, badGlob.getMessage()));
            }
        }
        this.excludes = List.copyOf(matchers);
        this.maxFileSize = maxFileSize;
    }

    /** Walks every path; a path that does not exist is a usage error. */
    public Discovery discover(List<Path> roots) throws ConfigurationException {
        Run run = new Run();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                run.walk(root);
            } else if (Files.exists(root)) {
                run.consider(root, sizeOf(root), true);
            } else if (Files.isSymbolicLink(root)) {
                run.skip(root, "broken symbolic link", null);
            } else {
                throw new ConfigurationException("no such file or folder: " + root);
            }
            run.endRoot();
        }
        return run.finish();
    }

    /** The path as the user wrote it, normalized: {@code ./compose.yaml} is shown as {@code compose.yaml}. */
    static String shown(Path path) {
        String text = path.normalize().toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }

    static String tooLarge(long limit) {
        return "larger than %s limit (use --max-file-size)".formatted(bytes(limit));
    }

    private static String bytes(long count) {
        if (count >= 1024 * 1024 && count % (1024 * 1024) == 0) return count / (1024 * 1024) + " MiB";
        if (count >= 1024 && count % 1024 == 0) return count / 1024 + " KiB";
        return count + " bytes";
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException unknown) {
            return 0; // the loader reports the read error with the file's name
        }
    }

    private boolean isExcluded(Path root, Path path) {
        if (excludes.isEmpty()) return false;
        Path relative;
        try {
            relative = root.relativize(path);
        } catch (IllegalArgumentException unrelated) {
            relative = path;
        }
        Path name = path.getFileName();
        Path shownPath;
        try {
            shownPath = Path.of(shown(path));
        } catch (InvalidPathException cannotHappen) {
            shownPath = path;
        }
        for (PathMatcher exclude : excludes) {
            if (exclude.matches(relative) || exclude.matches(shownPath) || (name != null && exclude.matches(name))) return true;
        }
        return false;
    }

    /** The state of one {@link #discover} call. */
    private final class Run {
        private final List<FoundFile> files = new ArrayList<>();
        private final List<SkippedFile> skipped = new ArrayList<>();
        private final Map<SourceKind, Integer> skippedByKind = new EnumMap<>(SourceKind.class);
        private final List<Diagnostic> diagnostics = new ArrayList<>();
        private final Set<Path> seen = new HashSet<>();
        private int rootFilesStart;
        private int rootSkippedStart;

        void walk(Path root) {
            try {
                Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                        if (folder.equals(root)) return FileVisitResult.CONTINUE;
                        if (isLeftOut(root, folder)) return FileVisitResult.SKIP_SUBTREE;
                        if (nameOf(folder).equals("templates") && Files.isRegularFile(folder.resolveSibling("Chart.yaml"))) {
                            skip(folder, "Helm chart templates: render them with `helm template` and scan the output", null);
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        if (isExcluded(root, file)) return FileVisitResult.CONTINUE;
                        if (attributes.isSymbolicLink()) {
                            // With FOLLOW_LINKS, a link is only visited as itself when its target is missing.
                            if (looksLikeInput(file)) skip(file, "broken symbolic link", null);
                        } else if (attributes.isRegularFile()) {
                            consider(file, attributes.size(), false);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException failure) {
                        if (isLeftOut(root, file)) return FileVisitResult.CONTINUE;
                        skip(file, failure instanceof FileSystemLoopException ? "symbolic link loop"
                                : "cannot read: " + SourceLoader.describe(failure), null);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path folder, IOException failure) {
                        if (failure != null) skip(folder, "cannot list the folder: " + SourceLoader.describe(failure), null);
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException cannotHappen) {
                throw new UncheckedIOException(cannotHappen); // the visitor above never fails the walk
            }
        }

        private boolean isLeftOut(Path root, Path path) {
            return SKIPPED_FOLDERS.contains(nameOf(path)) || isExcluded(root, path);
        }

        /** Looks at one file: how it is named, whether it is text, what its head says, how large it is. */
        void consider(Path file, long size, boolean namedExplicitly) {
            if (!seen.add(identity(file))) return;
            String shownPath = shown(file);
            NameClass byName = FileClassifier.byName(nameOf(file), namedExplicitly);
            if (byName == NameClass.NONE) {
                if (namedExplicitly) cannotTell(shownPath);
                return;
            }
            SourceKind kindByName = switch (byName) {
                case DOCKERFILE -> SourceKind.DOCKERFILE;
                case DAEMON_JSON -> SourceKind.DAEMON_JSON;
                case YAML, NONE -> null;
            };
            byte[] head;
            try {
                head = head(file, kindByName == null ? YAML_HEAD_BYTES : BINARY_SNIFF_BYTES);
            } catch (IOException unreadable) {
                if (kindByName != null) {
                    files.add(new FoundFile(file, shownPath, kindByName)); // the loader reports why it cannot be read
                } else {
                    skip(file, "cannot read: " + SourceLoader.describe(unreadable), null);
                }
                return;
            }
            if (isBinary(head)) {
                skip(file, "binary file", kindByName);
                return;
            }
            Optional<SourceKind> kind = kindByName != null ? Optional.of(kindByName)
                    : FileClassifier.yamlKind(nameOf(file), new String(head, StandardCharsets.UTF_8));
            if (kind.isEmpty()) {
                if (namedExplicitly) cannotTell(shownPath);
                return;
            }
            if (size > maxFileSize) {
                skip(file, tooLarge(maxFileSize), kind.get());
                return;
            }
            files.add(new FoundFile(file, shownPath, kind.get()));
        }

        void skip(Path file, String reason, SourceKind kind) {
            skipped.add(new SkippedFile(shown(file), reason));
            if (kind != null) skippedByKind.merge(kind, 1, Integer::sum);
        }

        private void cannotTell(String shownPath) {
            diagnostics.add(Diagnostic.error(Origin.at(shownPath, 1, 1), "cannot tell what kind of file this is: "
                    + "name a Dockerfile `Dockerfile` or `*.Dockerfile`, a Docker daemon configuration `daemon.json`; "
                    + "a Compose file needs a top-level `services:`, a Kubernetes manifest `apiVersion:` and `kind:`"));
        }

        /** Keeps each root's files in path order, whatever order the file system lists them in. */
        void endRoot() {
            files.subList(rootFilesStart, files.size()).sort(Comparator.comparing(FoundFile::shownPath));
            skipped.subList(rootSkippedStart, skipped.size()).sort(Comparator.comparing(SkippedFile::path));
            rootFilesStart = files.size();
            rootSkippedStart = skipped.size();
        }

        Discovery finish() {
            List<FoundFile> marked = files.stream().map(this::markOverride).toList();
            return new Discovery(marked, skipped, skippedByKind, diagnostics);
        }

        /** An override file with a base beside it, among the files found, is loaded through that base. */
        private FoundFile markOverride(FoundFile file) {
            if (!FileClassifier.isComposeOverride(nameOf(file.path()))) return file;
            Path folder = file.path().toAbsolutePath().normalize().getParent();
            for (String baseName : FileClassifier.COMPOSE_BASE_NAMES) {
                Path base = folder.resolve(baseName);
                Optional<FoundFile> found = files.stream()
                        .filter(other -> other.path().toAbsolutePath().normalize().equals(base))
                        .filter(other -> other.kind() == SourceKind.COMPOSE || other.kind() == SourceKind.STACK)
                        .findFirst();
                if (found.isPresent()) {
                    return new FoundFile(file.path(), file.shownPath(), found.get().kind(), Optional.of(found.get().shownPath()));
                }
            }
            return file;
        }
    }

    private static Path identity(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException unresolved) {
            return file.toAbsolutePath().normalize();
        }
    }

    private static String nameOf(Path path) {
        Path name = path.getFileName();
        return name == null ? "" : name.toString();
    }

    private static boolean looksLikeInput(Path file) {
        return FileClassifier.byName(nameOf(file), false) != NameClass.NONE;
    }

    private static byte[] head(Path file, int limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(limit);
        }
    }

    private static boolean isBinary(byte[] head) {
        int end = Math.min(head.length, BINARY_SNIFF_BYTES);
        for (int index = 0; index < end; index++) {
            if (head[index] == 0) return true;
        }
        return false;
    }
}
