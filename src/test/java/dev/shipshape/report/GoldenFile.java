package dev.shipshape.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with {@code src/test/resources/report/<name>}. After an intended change to a
 * reporter, rewrite the files with {@code -Dshipshape.updateGolden=true} and review the diff.
 */
final class GoldenFile {

    static final Path FOLDER = Path.of("src/test/resources/report");

    private GoldenFile() {
    }

    static void assertMatches(String name, String actual) throws IOException {
        Path file = FOLDER.resolve(name);
        if (Boolean.getBoolean("shipshape.updateGolden")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file %s (rewrite with -Dshipshape.updateGolden=true)", file).exists();
        assertThat(actual).as("output compared with %s", file).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
