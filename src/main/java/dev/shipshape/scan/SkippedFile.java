package dev.shipshape.scan;

/**
 * A file the scan found but did not load, and why ("larger than 10 MiB", "binary file", "symbolic link loop").
 *
 * @param unchecked the file is (or may be) one of ours and could not be checked: an input error that fails the run,
 *                  not a file left out on purpose
 */
public record SkippedFile(String path, String reason, boolean unchecked) {

    public SkippedFile(String path, String reason) {
        this(path, reason, false);
    }
}
