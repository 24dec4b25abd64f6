package io.gendict.oracles;

import io.gendict.core.error.Checks;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DecodeResult;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;

import java.util.SplittableRandom;

/**
 * Screened starts: draws L latents z_l from p_z once per call (shared by the whole batch) from the
 * call's stream or, with {@code reuse}, from a generator seeded by one long of it, keeping the last
 * screen ({@link ScreenCache}) so that calls with equal streams share the draws without redrawing them
 * (a caller that decodes the same samples many times under changing dictionaries saves the draws and
 * compares its dictionaries on the same starts); forms the
 * L predictions A·G(z_l) with one product (stored m×L), scores them for {@value #BLOCK} samples at a
 * time with one more product (score = ‖A·G(z_l)‖² − 2·yᵀA·G(z_l)), and starts the inner oracle for
 * each sample y from the candidate with the smallest ‖y − A·G(z_l)‖ (a given start competes with the
 * candidates). When starts are given, only the screen's first W ≤ L draws are scored ({@code warm}):
 * a start near its sample's optimum, such as the codes under a slightly changed dictionary, needs the
 * screen only to escape a basin that has become poor, and fewer draws do that. When the latent
 * dimension k is small, L draws cover p_z and the inner oracle starts in the basin of the
 * global minimum far more often than from a few random starts; when k is large the screen degrades
 * to picking the best of L random starts. Cost O(L·n·m + B·L·m) on top of one inner decode; memory
 * O(L·(n + m + {@value #BLOCK})). Thread-safe when the inner oracle is.
 *
 * @since 0.1
 */
public final class ScreenedOracle implements DecodeOracle {
    /** Samples scored by one product. */
    static final int BLOCK = 32;

    private final DecodeOracle inner;
    private final int candidates;
    private final int warm;
    private final ScreenCache screens;

    /**
     * @param inner      the oracle that refines the screened starts
     * @param candidates L, the p_z draws screened per call (≥ 1)
     * @param warm       the draws screened when starts are given, 1 ≤ warm ≤ L: the screen's first ones
     * @param reuse      whether to seed the draws with one long of the call's stream and keep the last screen
     */
    public ScreenedOracle(DecodeOracle inner, int candidates, int warm, boolean reuse) {
        Checks.parameter(candidates >= 1, "screened: candidates = " + candidates + ", expected >= 1");
        Checks.parameter(warm >= 1 && warm <= candidates, "screened: warm = " + warm + ", expected 1 to candidates ("
                + candidates + ")");
        this.inner = inner;
        this.candidates = candidates;
        this.warm = warm;
        this.screens = reuse ? new ScreenCache() : null;
    }

    @Override
    public DecodeResult decode(DMatrixRMaj a, GenerativePrior prior, DMatrixRMaj y, DMatrixRMaj start, SplittableRandom rng) {
        LatentStarts.check(a, prior, y, start);
        MatrixKernels kern = Kernels.get();
        int k = prior.latentDim();
        int m = a.numRows;
        int rows = y.numRows;
        int screened = start == null ? candidates : warm;
        ScreenCache.Screen screen = screens != null ? screens.get(prior, rng.nextLong(), candidates)
                : ScreenCache.draw(prior, rng, screened);
        DMatrixRMaj z = screen.z();
        DMatrixRMaj x = DMatrixRMaj.wrap(screened, screen.x().numCols, screen.x().data);
        DMatrixRMaj pt = new DMatrixRMaj(m, screened);
        kern.gemm(false, true, 1, a, x, 0, pt);
        double[] norms = columnNorms(pt);
        double[] given = start == null ? null : givenValues(a, prior, y, start, kern);
        DMatrixRMaj starts = new DMatrixRMaj(rows, k);
        DMatrixRMaj block = new DMatrixRMaj(1, m);
        DMatrixRMaj scores = new DMatrixRMaj(1, screened);
        for (int b0 = 0; b0 < rows; b0 += BLOCK) {
            int count = Math.min(BLOCK, rows - b0);
            block.reshape(count, m);
            System.arraycopy(y.data, b0 * m, block.data, 0, count * m);
            scores.reshape(count, screened);
            kern.gemm(false, false, -2, block, pt, 0, scores);
            for (int r = 0; r < count; r++) {
                int b = b0 + r;
                int best = nearest(norms, scores.data, r * screened);
                double bestScore = norms[best] + scores.data[r * screened + best];
                boolean keep = given != null && given[b] <= bestScore;
                System.arraycopy(keep ? start.data : z.data, (keep ? b : best) * k, starts.data, b * k, k);
            }
        }
        return inner.decode(a, prior, y, starts, rng);
    }

    /** @return the squared norms of the columns of p */
    private static double[] columnNorms(DMatrixRMaj p) {
        int count = p.numCols;
        double[] norms = new double[count];
        for (int i = 0; i < p.numRows; i++) {
            for (int l = 0; l < count; l++) {
                double v = p.data[i * count + l];
                norms[l] += v * v;
            }
        }
        return norms;
    }

    /**
     * @return the first l minimising norms[l] + scores[row + l], l &lt; norms.length: the nearest screened
     *         prediction (a method of its own, which the JIT compiles early and once)
     */
    private static int nearest(double[] norms, double[] scores, int row) {
        int best = 0;
        double bestScore = norms[0] + scores[row];
        for (int l = 1; l < norms.length; l++) {
            double score = norms[l] + scores[row + l];
            if (score < bestScore) {
                best = l;
                bestScore = score;
            }
        }
        return best;
    }

    /** @return per row, ‖A·G(start)‖² − 2·yᵀA·G(start): the screening score of the given start */
    private static double[] givenValues(DMatrixRMaj a, GenerativePrior prior, DMatrixRMaj y, DMatrixRMaj start,
                                        MatrixKernels kern) {
        int m = a.numRows;
        DMatrixRMaj xs = new DMatrixRMaj(y.numRows, prior.outputDim());
        prior.forward(start, xs);
        DMatrixRMaj ps = new DMatrixRMaj(y.numRows, m);
        kern.gemm(false, true, 1, xs, a, 0, ps);
        double[] values = new double[y.numRows];
        for (int b = 0; b < y.numRows; b++) {
            values[b] = kern.dot(m, ps.data, b * m, ps.data, b * m) - 2 * kern.dot(m, y.data, b * m, ps.data, b * m);
        }
        return values;
    }
}
