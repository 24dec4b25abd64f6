package io.gendict.core.error;

/**
 * Category of a {@link GendictException}; the CLI maps each kind to an exit code.
 *
 * @since 0.1
 */
public enum ErrorKind {
    /** Bad input data: a malformed file, a wrong shape, a non-finite value. */
    INVALID_INPUT,
    /** A parameter outside its type or range. */
    INVALID_PARAMETER,
    /** A provider, method or option name that is not known. */
    UNKNOWN_NAME,
    /** A computation that produced a non-finite or otherwise unusable value. */
    NUMERICAL_FAILURE,
    /** A file could not be read or written. */
    IO,
    /** A plugin jar could not be loaded or clashes with another. */
    PLUGIN
}
