package dev.shipshape.scan;

/**
 * The user's configuration cannot be used (an unknown key or rule in {@code .shipshape.yaml}, a
 * bad option value). The message names the file and line and says what to do; exit code 2.
 */
public final class ConfigurationException extends Exception {

    public ConfigurationException(String message) {
        super(message);
    }
}
