package dev.shipshape.boot;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The jar's Main-Class. Compiled for Java 8 (its own compiler execution in pom.xml) so that an older
 * Java can load it and say in one line which Java shipshape needs, instead of failing with
 * {@code UnsupportedClassVersionError}; on Java 21 or newer it hands over to {@code dev.shipshape.Main}.
 * It names that class by string: a direct reference would not compile for Java 8.
 */
public final class Start {

    static final int REQUIRED = 21;

    private Start() {
    }

    public static void main(String[] args) throws Throwable {
        int running = feature(System.getProperty("java.specification.version", "0"));
        if (running < REQUIRED) {
            System.err.println("shipshape needs Java " + REQUIRED + " or newer, but this is Java " + running + " ("
                    + System.getProperty("java.home", "unknown location")
                    + "): run it with a newer java, or use the release bundle, which brings its own");
            System.exit(2);
        }
        Method main = Class.forName("dev.shipshape.Main").getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** "1.8" is Java 8, "17" is Java 17. */
    static int feature(String specificationVersion) {
        String feature = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
        int dot = feature.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? feature : feature.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
