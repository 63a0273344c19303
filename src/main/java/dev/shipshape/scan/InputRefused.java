package dev.shipshape.scan;

import java.io.IOException;

/**
 * An input file that is not read, and why: too large, not a regular file, a kernel file whose size
 * says nothing, or bytes that are not text. The message is the reason in words, for users.
 */
public final class InputRefused extends IOException {

    /** Why a file is refused; discovery treats each differently. */
    public enum Reason { TOO_LARGE, NOT_REGULAR, KERNEL_FILE, UNDECODABLE, BINARY }

    private final Reason reason;

    public InputRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
