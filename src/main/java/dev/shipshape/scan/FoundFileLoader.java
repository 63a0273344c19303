package dev.shipshape.scan;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.Origin;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Suppression;
import dev.shipshape.policy.SuppressionComments;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads the found files, in parallel on the available cores and in a stable order: each file's
 * text is read once, for its suppression comments and for its loader (Compose excepted: its loader
 * reads the file itself, with the {@code .env} and override files beside it). A loader that
 * crashes on a file costs that file only: the crash becomes an error diagnostic on it.
 */
final class FoundFileLoader {

    private final SourceLoader loader;
    private final ReadScope scope;

    FoundFileLoader(SourceLoader loader) {
        this(loader, ReadScope.DEFAULT);
    }

    FoundFileLoader(SourceLoader loader, ReadScope scope) {
        this.loader = loader;
        this.scope = scope;
    }

    /** The files in the order given. An override file is loaded on its own only when its base's loader did not read it. */
    List<LoadedFile> loadAll(List<FoundFile> files) {
        List<FoundFile> standalone = files.stream().filter(file -> file.overrideOf().isEmpty()).toList();
        Map<FoundFile, LoadedFile> loaded = new IdentityHashMap<>();
        List<LoadedFile> results = standalone.parallelStream().map(this::load).toList();
        for (int index = 0; index < standalone.size(); index++) loaded.put(standalone.get(index), results.get(index));

        List<LoadedFile> all = new ArrayList<>();
        for (FoundFile file : files) {
            LoadedFile done = loaded.get(file);
            if (done == null) done = loadOverride(file, results);
            all.add(done);
        }
        return all;
    }

    private LoadedFile loadOverride(FoundFile override, List<LoadedFile> loaded) {
        String baseShown = override.overrideOf().orElseThrow();
        for (LoadedFile base : loaded) {
            if (base.file().shownPath().equals(baseShown) && reads(base.result(), override.path())) {
                return new LoadedFile(override, new LoadResult(Inventory.empty(), List.of(), List.of(), List.of()),
                        commentsOf(override, textOrEmpty(override.path())), base.loadedCleanly());
            }
        }
        return load(override);
    }

    private LoadedFile load(FoundFile file) {
        String text;
        try {
            text = file.text().isPresent() ? file.text().get() : scope.readText(file.path());
        } catch (IOException unreadable) {
            return failed(file, "cannot read the file: " + SourceLoader.describe(unreadable));
        }
        try {
            LoadResult result = loader.load(file.path(), file.shownPath(), file.kind(), text);
            return new LoadedFile(file, result, commentsOf(file, text), hasNoError(result));
        } catch (RuntimeException bug) {
            return failed(file, "internal error while loading this file (a bug in shipshape; please report it): " + bug);
        }
    }

    /**
     * The suppression comments of files a loader read besides its input (a Compose file's override
     * and the Dockerfiles of its {@code build:}) that were not found by the scan itself; findings can
     * point into them. They are named as the loader named them.
     */
    List<Suppression> commentsOfFilesReadBesides(List<LoadedFile> loaded) {
        Set<Path> scanned = new HashSet<>();
        loaded.forEach(file -> scanned.add(absolute(file.file().path())));
        Set<String> others = new TreeSet<>();
        for (LoadedFile file : loaded) {
            for (String read : file.result().filesRead()) {
                Path path = pathOf(read);
                if (path != null && !scanned.contains(absolute(path))) others.add(read);
            }
        }
        List<Suppression> suppressions = new ArrayList<>();
        for (String read : others) {
            SourceKind commentStyle = switch (FileClassifier.byName(pathOf(read).getFileName().toString(), true)) {
                case DOCKERFILE -> SourceKind.DOCKERFILE;
                case YAML -> SourceKind.COMPOSE;
                case DAEMON_JSON, NONE -> null;
            };
            if (commentStyle != null) suppressions.addAll(SuppressionComments.scan(read, textOrEmpty(pathOf(read)), commentStyle));
        }
        return suppressions;
    }

    private static List<Suppression> commentsOf(FoundFile file, String text) {
        return SuppressionComments.scan(file.shownPath(), text, file.kind());
    }

    private static LoadedFile failed(FoundFile file, String message) {
        LoadResult result = LoadResult.failed(Diagnostic.error(Origin.at(file.shownPath(), 1, 1), message));
        return new LoadedFile(file, result, List.of(), false);
    }

    private static boolean hasNoError(LoadResult result) {
        return result.diagnostics().stream().noneMatch(diagnostic -> diagnostic.level() == Diagnostic.Level.ERROR);
    }

    private static boolean reads(LoadResult result, Path file) {
        Path wanted = absolute(file);
        return result.filesRead().stream().map(FoundFileLoader::pathOf).anyMatch(read -> read != null && absolute(read).equals(wanted));
    }

    /** Suppression comments are a bonus here: a file that cannot be read has none (its loader reports the error). */
    private String textOrEmpty(Path file) {
        try {
            return scope.readText(file);
        } catch (IOException unreadable) {
            return "";
        }
    }

    private static Path pathOf(String text) {
        try {
            Path path = Path.of(text);
            return path.getFileName() == null ? null : path;
        } catch (InvalidPathException notAPath) {
            return null;
        }
    }

    private static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
