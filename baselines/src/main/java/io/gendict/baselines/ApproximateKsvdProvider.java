package io.gendict.baselines;

/**
 * {@code approximate-ksvd}: K-SVD whose atom update is one power-iteration step instead of an SVD
 * (Rubinstein, Zibulevsky &amp; Elad 2008; docs/algorithms.md §7.3).
 *
 * @since 0.1
 */
public final class ApproximateKsvdProvider extends AbstractKsvdProvider {
    /** Creates the provider (stateless). */
    public ApproximateKsvdProvider() {
        super(true);
    }

    @Override
    public String name() {
        return "approximate-ksvd";
    }

    @Override
    public String description() {
        return "approximate K-SVD (Rubinstein et al. 2008): OMP coding and one power-iteration step per atom";
    }
}
