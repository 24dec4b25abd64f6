package io.gendict.methods;

/**
 * {@code algorithm1}, the paper's Algorithm 1 as stated: oracle {@code gauss-newton}, update rule
 * {@code preconditioned-gradient}, one round per batch (docs/algorithms.md §2.1).
 */
public final class Algorithm1Method extends AlternatingMethod {
    /** Used by {@link java.util.ServiceLoader}. */
    public Algorithm1Method() {
        super("algorithm1", "the paper's Algorithm 1: Gauss-Newton decode, preconditioned gradient step",
                "gauss-newton", "preconditioned-gradient");
    }
}
