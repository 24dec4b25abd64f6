package io.gendict.core.param;

/**
 * The value types a provider parameter can have.
 *
 * @since 0.1
 */
public enum ParamType {
    /** A 32-bit integer. */
    INT,
    /** A 64-bit integer (seeds). */
    LONG,
    /** A finite double. */
    DOUBLE,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** Free text, or one of a fixed set of choices. */
    STRING,
    /** A non-empty list of integers, written {@code 10,60,300}. */
    INT_LIST,
    /** A non-empty list of finite doubles. */
    DOUBLE_LIST
}
