package io.gendict.baselines;

/**
 * {@code ksvd}: K-SVD with exact rank-1 SVD atom updates (docs/algorithms.md §7.3). One fit call runs
 * {@code iterations} K-SVD iterations on its batch, warm started from the current dictionary.
 *
 * @since 0.1
 */
public final class KsvdProvider extends AbstractKsvdProvider {
    /** Creates the provider (stateless). */
    public KsvdProvider() {
        super(false);
    }

    @Override
    public String name() {
        return "ksvd";
    }

    @Override
    public String description() {
        return "K-SVD (Aharon et al. 2006): OMP coding and exact rank-1 SVD atom updates";
    }
}
