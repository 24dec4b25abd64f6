package io.gendict.methods;

/**
 * {@code altmin}, the paper's practical alternating minimisation: oracle {@code adam}, update rule
 * {@code adam}, one round per batch (docs/algorithms.md §2.2).
 */
public final class AltMinMethod extends AlternatingMethod {
    /** The method's name. */
    public static final String NAME = "altmin";

    /** Used by {@link java.util.ServiceLoader}. */
    public AltMinMethod() {
        super(NAME, "the paper's alternating minimisation: Adam decode, Adam dictionary step", "adam", "adam");
    }
}
