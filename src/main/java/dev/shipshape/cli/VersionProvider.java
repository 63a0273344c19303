package dev.shipshape.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code shipshape --version}: the tool's version, the git commit it was built from, and the Java it runs on. */
public final class VersionProvider implements IVersionProvider {

    /** Kept equal to the pom's version by ShipshapeCommandTest. */
    public static final String VERSION = "0.1.0-SNAPSHOT";

    /** Written by the build (pom.xml, antrun "build-properties"). */
    static final String BUILD_PROPERTIES = "/dev/shipshape/build.properties";

    @Override
    public String[] getVersion() {
        return new String[] {
            "shipshape " + VERSION,
            "commit " + commit(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ") at "
                    + System.getProperty("java.home", "an unknown location")
        };
    }

    /** The commit the build saw, "(modified)" when tracked files differed from it; "unknown" outside git. */
    static String commit() {
        Properties build = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(BUILD_PROPERTIES)) {
            if (in == null) return "unknown (built without " + BUILD_PROPERTIES + ")";
            build.load(in);
        } catch (IOException e) {
            return "unknown (" + BUILD_PROPERTIES + " unreadable)";
        }
        String commit = build.getProperty("commit", "unknown");
        return "true".equals(build.getProperty("modified")) ? commit + " (modified)" : commit;
    }
}
