package dev.shipshape.scan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a scan may read besides the files it found: files of at most {@code maxFileSize} bytes,
 * read as {@link InputFile} reads them, and where the scanned folders are, so that a loader can say
 * when a file it follows ({@code include}, {@code extends}) lies outside them.
 *
 * @param roots the real paths of the scanned folders (a scanned file counts as its folder); empty: no bound
 */
public record ReadScope(long maxFileSize, List<Path> roots) {

    public static final ReadScope DEFAULT = new ReadScope(ScanRequest.DEFAULT_MAX_FILE_SIZE, List.of());

    public ReadScope {
        roots = List.copyOf(roots);
    }

    public String readText(Path file) throws IOException {
        return InputFile.readText(file, maxFileSize);
    }

    /** Whether the file lies in one of the scanned folders (after following links); true when there are none. */
    public boolean contains(Path file) {
        if (roots.isEmpty()) return true;
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException unresolved) {
            real = file.toAbsolutePath().normalize();
        }
        for (Path root : roots) {
            if (real.startsWith(root)) return true;
        }
        return false;
    }
}
