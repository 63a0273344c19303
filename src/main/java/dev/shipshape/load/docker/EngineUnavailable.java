package dev.shipshape.load.docker;

/**
 * The Docker Engine cannot be audited at all: it is unreachable, refuses the connection, needs
 * certificates that are missing, or speaks no API version shipshape can use. The message is one
 * line that says what to do; the CLI prints it and exits with the usage code.
 */
public final class EngineUnavailable extends Exception {

    private static final long serialVersionUID = 1L;

    public EngineUnavailable(String message) {
        super(message, null, false, false);
    }
}
