package org.neuroai.core;

/**
 * A mistake the user can fix: an unknown name, a bad parameter, a malformed file.
 *
 * <p>The message is one sentence that names the file or key at fault and says what would be
 * valid. The command line prints it alone (no stack trace) and exits with status 2.
 */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one sentence naming the file, the key and what would be valid */
    public UserError(String message) {
        super(message);
    }

    /**
     * @param message one sentence naming the file, the key and what would be valid
     * @param cause the underlying exception, kept for debugging
     */
    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
