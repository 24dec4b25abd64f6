package io.gendict.core.error;

import java.util.Objects;

/**
 * The one exception type gendict throws for expected failures. Its message is a single line that
 * names the thing, the value and the expectation, e.g. {@code Y in train.npy: expected B×784, got 100×783}.
 *
 * @since 0.1
 */
public class GendictException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorKind kind;

    /**
     * @param kind    the category, used for the exit code
     * @param message one line, naming what is wrong
     */
    public GendictException(ErrorKind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind is null");
    }

    /**
     * @param kind    the category, used for the exit code
     * @param message one line, naming what is wrong
     * @param cause   the underlying failure
     */
    public GendictException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind is null");
    }

    /** @return the category of this failure */
    public ErrorKind kind() {
        return kind;
    }
}
