package dev.shipshape.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code shipshape --version}: the tool's version and the Java it runs on. */
public final class VersionProvider implements IVersionProvider {

    /** Kept equal to the pom's version by VersionProviderTest. */
    public static final String VERSION = "0.1.0-SNAPSHOT";

    @Override
    public String[] getVersion() {
        return new String[] {
            "shipshape " + VERSION,
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")"
        };
    }
}
