package dev.shipshape.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Java version check reads java.specification.version as every Java since 8 writes it. */
class StartTest {

    @ParameterizedTest(name = "{0} is Java {1}")
    @CsvSource({"1.8, 8", "9, 9", "17, 17", "21, 21", "25, 25", "25.1, 25", "'', 0", "unknown, 0"})
    void readsTheFeatureRelease(String specificationVersion, int feature) {
        assertThat(Start.feature(specificationVersion)).isEqualTo(feature);
    }

    @Test
    void needsTheJavaTheRestIsCompiledFor() throws IOException {
        Matcher release = Pattern.compile("<maven.compiler.release>(\\d+)</maven.compiler.release>")
                .matcher(Files.readString(Path.of("pom.xml")));

        assertThat(release.find()).isTrue();
        assertThat(Start.REQUIRED).isEqualTo(Integer.parseInt(release.group(1)));
    }
}
