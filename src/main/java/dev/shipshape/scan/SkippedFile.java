package dev.shipshape.scan;

/** A file the scan found but did not load, and why ("larger than 10 MiB", "binary file", "symbolic link loop"). */
public record SkippedFile(String path, String reason) {
}
