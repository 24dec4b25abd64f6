package io.gendict.oracles.update;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.SplittableRandom;

/**
 * Monte-Carlo estimate of C⁻¹ for C* = E[G(z)·G(z)ᵀ] (docs/algorithms.md §2.4): Ĉ = XᵀX/N from N draws
 * z ~ p_z, inverted through its symmetric eigendecomposition; when cond(Ĉ) &gt; 10¹² (e.g. rank ≤ k
 * for group sparsity) the pseudo-inverse over eigenvalues above 10⁻¹²·λ_max is used. Rank and
 * condition number are logged.
 */
final class SecondMomentInverse {
    private static final Logger LOG = LoggerFactory.getLogger(SecondMomentInverse.class);
    private static final double COND_MAX = 1e12;

    private SecondMomentInverse() {
    }

    /**
     * @param prior   the prior
     * @param samples N, or ≤ 0 for max(10·n, 10⁴)
     * @param rng     randomness for the draws. Modified.
     * @return a new n×n matrix C⁻¹
     */
    static DMatrixRMaj estimate(GenerativePrior prior, int samples, SplittableRandom rng) {
        int n = prior.outputDim();
        int count = samples > 0 ? samples : Math.max(10 * n, 10_000);
        DMatrixRMaj z = new DMatrixRMaj(count, prior.latentDim());
        prior.latentDistribution().sample(rng, z);
        DMatrixRMaj x = new DMatrixRMaj(count, n);
        prior.forward(z, x);
        DMatrixRMaj c = new DMatrixRMaj(n, n);
        Kernels.get().gemm(true, false, 1.0 / count, x, x, 0, c);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(c)) {
            throw new GendictException(ErrorKind.NUMERICAL_FAILURE,
                    "C* estimate: eigendecomposition of the " + n + "x" + n + " second moment failed");
        }
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, eig.getEigenvalue(i).real);
        }
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, Math.max(eig.getEigenvalue(i).real, 0));
        }
        double cond = min > 0 ? max / min : Double.POSITIVE_INFINITY;
        double cut = cond > COND_MAX ? max / COND_MAX : 0;
        DMatrixRMaj inv = new DMatrixRMaj(n, n);
        int rank = 0;
        for (int i = 0; i < n; i++) {
            double lambda = eig.getEigenvalue(i).real;
            if (lambda <= cut || lambda <= 0) {
                continue;
            }
            rank++;
            DMatrixRMaj v = eig.getEigenVector(i);
            for (int r = 0; r < n; r++) {
                double vr = v.data[r] / lambda;
                for (int s = 0; s < n; s++) {
                    inv.data[r * n + s] += vr * v.data[s];
                }
            }
        }
        LOG.info("C* estimate from {} samples: n = {}, rank {}, condition number {}{}", count, n, rank, cond,
                cond > COND_MAX ? " (pseudo-inverse used)" : "");
        return inv;
    }
}
