package dev.shipshape.scan;

import java.io.InputStream;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How a scan reaches its input beyond the paths given.
 *
 * @param followSymlinks {@code --follow-symlinks}: follow links that leave the scanned folders (loops are still caught)
 * @param stdinName      {@code --stdin-name}: the name standard input ({@code -}) is shown by, whose file name may tell its kind
 * @param standardInput  where {@code -} reads from
 */
public record InputOptions(boolean followSymlinks, Optional<String> stdinName, Supplier<InputStream> standardInput) {

    public static final InputOptions DEFAULT = new InputOptions(false, Optional.empty(), () -> System.in);
}
