package dev.shipshape.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.cli.VersionProvider;
import java.nio.file.Path;

/** Where package and -Prelease package leave what the release tests check, and the repository they came from. */
final class ReleaseArtifacts {

    /** The repository: Maven runs the tests from it. */
    static final Path REPOSITORY = Path.of("").toAbsolutePath();

    private ReleaseArtifacts() {
    }

    static Path target() {
        return Path.of(System.getProperty("shipshape.build.dir", "target")).toAbsolutePath();
    }

    static Path selfContainedJar() {
        return existing(target().resolve("shipshape-" + VersionProvider.VERSION + ".jar"), "./mvnw package");
    }

    static Path bundleTarball() {
        return existing(target().resolve("shipshape-" + VersionProvider.VERSION + "-linux-x86_64.tar.gz"), "./mvnw -Prelease package");
    }

    /** The unpacked bundle the Dockerfile copies. */
    static Path bundleFolder() {
        return existing(target().resolve("bundle/shipshape"), "./mvnw -Prelease package");
    }

    /** The JDK running the tests: 21 or newer, as the build requires. */
    static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    private static Path existing(Path artifact, String madeBy) {
        assertThat(artifact).as("%s is made by `%s`; these tests run after it (./mvnw verify, .ci/run)", artifact, madeBy).exists();
        return artifact;
    }
}
