package dev.shipshape.scan;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.load.compose.OverrideNames;
import dev.shipshape.model.SourceKind;
import dev.shipshape.scan.FileClassifier.NameClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
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
 * <p>Symbolic links are not followed out of the folder being scanned: a link to a file or folder
 * outside it is reported as skipped ({@code --follow-symlinks} follows it, and a link loop is then
 * reported, never followed twice), and a link to somewhere inside it is left alone, since what it
 * points at is scanned under its own name. A path named on the command line is always followed, a
 * link to a folder included; a named link that leads nowhere (missing target, loop) is a usage error.
 * The folders {@code .git}, {@code .hg}, {@code .svn}, {@code .bzr} and {@code node_modules} are
 * never entered, nor the {@code templates/} folder of a Helm chart (it needs rendering first; it is
 * reported as skipped). Each file whose name says Dockerfile, daemon.json, YAML or JSON is looked at by
 * a {@link FileExaminer}, on all cores (it reads and parses); other files are left alone silently.
 *
 * <p>{@code --exclude} globs use {@link java.nio.file.FileSystem#getPathMatcher Java's glob syntax}
 * ({@code *} stays within a folder, {@code **} crosses folders) and are matched against a file's or
 * folder's path relative to the scanned folder, against its path as shown in findings, and against
 * its name alone: {@code --exclude '*.test.yaml'}, {@code --exclude vendor} (a folder anywhere),
 * {@code --exclude 'deploy/legacy/**'} (a leading {@code ./} is ignored). Excluding a folder skips
 * all of it. Explicitly named files are never excluded.
 *
 * <p>A Compose override file ({@code compose.override.yaml}, {@code app.override.yml}: {@link OverrideNames})
 * found beside its base file is marked, so that it is not loaded on its own (the Compose loader merges it
 * into the base, and the merged project is what is judged).
 */
public final class FileDiscovery {

    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", ".hg", ".svn", ".bzr", "node_modules");

    private final List<PathMatcher> excludes;
    private final boolean followSymlinks;
    private final FileExaminer examiner;

    public FileDiscovery(List<String> excludeGlobs, long maxFileSize) throws ConfigurationException {
        this(excludeGlobs, maxFileSize, false);
    }

    /** @param followSymlinks follow links that leave the scanned folder ({@code --follow-symlinks}) */
    public FileDiscovery(List<String> excludeGlobs, long maxFileSize, boolean followSymlinks) throws ConfigurationException {
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
        this.followSymlinks = followSymlinks;
        this.examiner = new FileExaminer(maxFileSize);
    }

    /** Walks every path; a path that does not exist is a usage error. */
    public Discovery discover(List<Path> roots) throws ConfigurationException {
        Run run = new Run();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                // "link/." makes the walk start through a named link to a folder, which it would otherwise leave alone as a link
                run.walk(Files.isSymbolicLink(root) ? root.resolve(".") : root);
            } else if (Files.exists(root)) {
                run.candidate(root, true);
            } else if (Files.isSymbolicLink(root)) {
                throw new ConfigurationException(brokenLink(root));
            } else {
                throw new ConfigurationException("no such file or folder: " + root);
            }
            run.endRoot();
        }
        return run.finish();
    }

    /** Why a named symbolic link leads nowhere: a loop, or a target that does not exist. */
    private static String brokenLink(Path link) {
        try {
            link.toRealPath();
        } catch (FileSystemException loopOrMissing) {
            if (loopOrMissing instanceof NoSuchFileException) {
                return "%s is a symbolic link to %s, which does not exist".formatted(shown(link), linkTarget(link));
            }
            if (String.valueOf(loopOrMissing.getReason()).contains("levels of symbolic links")) {
                return "%s is a symbolic link loop (%s → %s …): point it at a real file or folder".formatted(shown(link), shown(link), linkTarget(link));
            }
            return "%s is a symbolic link that cannot be followed: %s".formatted(shown(link), SourceLoader.describe(loopOrMissing));
        } catch (IOException unreadable) {
            return "%s is a symbolic link that cannot be followed: %s".formatted(shown(link), SourceLoader.describe(unreadable));
        }
        return "%s is a symbolic link that cannot be followed".formatted(shown(link));
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException unreadable) {
            return "?";
        }
    }

    /** The path as the user wrote it, normalized: {@code ./compose.yaml} is shown as {@code compose.yaml}. */
    static String shown(Path path) {
        String text = path.normalize().toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }

    static String tooLarge(long limit) {
        return InputFile.tooLarge(limit).getMessage();
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

    /** A file to examine: where it is, and whether the user named it. */
    private record Candidate(Path path, boolean namedExplicitly) {
    }

    /** The state of one {@link #discover} call. */
    private final class Run {
        private final List<FoundFile> files = new ArrayList<>();
        private final List<SkippedFile> skipped = new ArrayList<>();
        private final Map<SourceKind, Integer> skippedByKind = new EnumMap<>(SourceKind.class);
        private final List<Diagnostic> diagnostics = new ArrayList<>();
        private final Set<Path> seen = new HashSet<>();
        private final List<Candidate> candidates = new ArrayList<>();
        private int rootFilesStart;
        private int rootSkippedStart;

        void walk(Path root) {
            Path realRoot = realPath(root);
            Set<FileVisitOption> options = followSymlinks ? EnumSet.of(FileVisitOption.FOLLOW_LINKS) : EnumSet.noneOf(FileVisitOption.class);
            try {
                Files.walkFileTree(root, options, Integer.MAX_VALUE, new SimpleFileVisitor<>() {
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
                            link(realRoot, file);
                        } else if (attributes.isRegularFile()) {
                            candidate(file, false);
                        } else if (!attributes.isDirectory() && looksLikeInput(file)) {
                            // A named pipe or a device under an input's name: never opened, never passed.
                            candidate(file, false);
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

        /**
         * A symbolic link met in a walk that does not follow links (or a broken one in a walk that
         * does): inside the root it is left alone, since its target is walked under its own name;
         * leaving the root it is reported and not followed.
         */
        private void link(Path realRoot, Path link) {
            Path target;
            try {
                target = link.toRealPath();
            } catch (IOException broken) {
                if (looksLikeInput(link)) skip(link, "broken symbolic link", null);
                return;
            }
            if (target.startsWith(realRoot)) return;
            if (Files.isDirectory(target) || looksLikeInput(link)) {
                skip(link, "symbolic link to " + target + ", outside the scanned folder; not followed (--follow-symlinks follows it)", null);
            }
        }

        private boolean isLeftOut(Path root, Path path) {
            return SKIPPED_FOLDERS.contains(nameOf(path)) || isExcluded(root, path);
        }

        void candidate(Path file, boolean namedExplicitly) {
            if (!seen.add(identity(file))) return;
            candidates.add(new Candidate(file, namedExplicitly));
        }

        void skip(Path file, String reason, SourceKind kind) {
            skipped.add(new SkippedFile(shown(file), reason));
            if (kind != null) skippedByKind.merge(kind, 1, Integer::sum);
        }

        /** Examines the root's candidates on all cores, then keeps its files in path order, whatever order the file system listed them in. */
        void endRoot() {
            List<FileExaminer.Examined> examined = candidates.parallelStream()
                    .map(candidate -> examiner.examine(candidate.path(), shown(candidate.path()), candidate.namedExplicitly()))
                    .toList();
            for (FileExaminer.Examined result : examined) {
                result.found().ifPresent(files::add);
                result.skipped().ifPresent(file -> {
                    skipped.add(file);
                    result.kind().ifPresent(kind -> skippedByKind.merge(kind, 1, Integer::sum));
                });
                result.diagnostic().ifPresent(diagnostics::add);
            }
            candidates.clear();
            files.subList(rootFilesStart, files.size()).sort(Comparator.comparing(FoundFile::shownPath));
            skipped.subList(rootSkippedStart, skipped.size()).sort(Comparator.comparing(SkippedFile::path));
            rootFilesStart = files.size();
            rootSkippedStart = skipped.size();
        }

        Discovery finish() {
            List<FoundFile> marked = files.stream().map(this::markOverride).toList();
            return new Discovery(marked, skipped, skippedByKind, diagnostics);
        }

        /**
         * An override file with a base beside it, among the files found, is loaded through that base when the
         * base's loader merges it (a Compose file does, a stack does not: {@link FoundFileLoader} checks); it keeps its own kind.
         */
        private FoundFile markOverride(FoundFile file) {
            if (file.kind() != SourceKind.COMPOSE && file.kind() != SourceKind.STACK) return file;
            Path folder = file.path().toAbsolutePath().normalize().getParent();
            for (String baseName : OverrideNames.baseNames(nameOf(file.path()))) {
                Path base = folder.resolve(baseName);
                Optional<FoundFile> found = files.stream()
                        .filter(other -> other.path().toAbsolutePath().normalize().equals(base))
                        .filter(other -> other.kind() == SourceKind.COMPOSE || other.kind() == SourceKind.STACK)
                        .findFirst();
                if (found.isPresent()) {
                    return new FoundFile(file.path(), file.shownPath(), file.kind(), Optional.of(found.get().shownPath()));
                }
            }
            return file;
        }
    }

    private static Path identity(Path file) {
        return realPath(file);
    }

    private static Path realPath(Path file) {
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
}
