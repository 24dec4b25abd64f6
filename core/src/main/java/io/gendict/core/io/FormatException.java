package io.gendict.core.io;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;

/**
 * A file whose content is malformed, truncated, or inconsistent with its own header (bad magic,
 * unsupported element type, a header that claims more or less data than the file holds). Always
 * {@link ErrorKind#INVALID_INPUT}; the message starts with the file (or archive entry) name.
 *
 * @since 0.1
 */
public class FormatException extends GendictException {
    private static final long serialVersionUID = 1L;

    /**
     * @param source  the file or archive entry, as shown to the user
     * @param problem what is wrong, one line
     */
    public FormatException(String source, String problem) {
        super(ErrorKind.INVALID_INPUT, source + ": " + problem);
    }

    /**
     * @param source  the file or archive entry, as shown to the user
     * @param problem what is wrong, one line
     * @param cause   the underlying failure (e.g. a {@link java.util.zip.ZipException})
     */
    public FormatException(String source, String problem, Throwable cause) {
        super(ErrorKind.INVALID_INPUT, source + ": " + problem, cause);
    }
}
