package dev.shipshape.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code --output FILE}: the report is written to a temporary file beside the target and moved
 * over it at the end, so a reader (a CI upload step, a dashboard) never sees half a report and a
 * failed run leaves the previous report in place.
 *
 * <p>{@link #prepare} runs before the scan, so an unwritable path fails at once, not after minutes.
 */
final class AtomicOutputFile implements AutoCloseable {

    /** The output cannot be written; the message says why in words. */
    static final class CannotWrite extends Exception {
        CannotWrite(Path target, String reason) {
            super("cannot write " + target + ": " + reason);
        }
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final Path target;
    private final Path temporary;
    private boolean committed;

    private AtomicOutputFile(Path target, Path temporary) {
        this.target = target;
        this.temporary = temporary;
    }

    /** Creates the parent folders and a temporary file beside {@code target}. */
    static AtomicOutputFile prepare(Path target) throws CannotWrite {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) throw new CannotWrite(target, "it is a directory");
        Path parent = absolute.getParent();
        try {
            Files.createDirectories(parent);
            return new AtomicOutputFile(absolute, createTemporary(parent, absolute.getFileName().toString()));
        } catch (IOException | SecurityException failure) {
            throw new CannotWrite(target, describe(failure));
        }
    }

    /**
     * Not {@code Files.createTempFile}: that makes the file private (0600), and the report would
     * keep those permissions after the move; {@code createFile} applies the user's umask instead.
     */
    private static Path createTemporary(Path folder, String targetName) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path candidate = folder.resolve("." + targetName + "." + Long.toHexString(RANDOM.nextLong() >>> 1) + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException taken) {
                if (attempt == 9) throw taken;
            }
        }
    }

    Writer writer() throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(temporary, StandardCharsets.UTF_8));
    }

    /** Moves the finished temporary file over the target. */
    void commit() throws CannotWrite {
        try {
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notOnThisFileSystem) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        } catch (IOException failure) {
            throw new CannotWrite(target, describe(failure));
        }
    }

    /** Removes the temporary file unless it was committed. */
    @Override
    public void close() {
        if (committed) return;
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // a leftover hidden .tmp file is harmless; the error the user needs was already reported
        }
    }

    static String describe(Exception failure) {
        return switch (failure) {
            case AccessDeniedException denied -> "permission denied (" + denied.getFile() + ")";
            case FileAlreadyExistsException exists -> exists.getFile() + " exists and is not a directory";
            case NotDirectoryException notDirectory -> notDirectory.getFile() + " is not a directory";
            case NoSuchFileException missing -> "no such file or directory (" + missing.getFile() + ")";
            default -> failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        };
    }
}
