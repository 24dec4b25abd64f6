package io.gendict.theory.estimate;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRPDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

import java.util.SplittableRandom;

/**
 * Output differences u_i = G(z1_i) − G(z2_i) of latent pairs, their norms and their images A·u_i, and
 * the orthonormal basis of their span used for the span bounds of docs/algorithms.md §4.1 step 4 and §4.2.
 */
final class PairDifferences {
    /** Differences with ‖u‖ below this are skipped (docs/algorithms.md §4.1). */
    static final double MIN_NORM = 1e-12;
    private static final double RANK_TOL = 1e-10;

    /** count×n differences, one per row. */
    final DMatrixRMaj u;
    /** count×m images A·u. */
    final DMatrixRMaj au;
    /** ‖u_i‖. */
    final double[] norms;

    private PairDifferences(DMatrixRMaj u, DMatrixRMaj au, double[] norms) {
        this.u = u;
        this.au = au;
        this.norms = norms;
    }

    /**
     * @param z1 count×k first latents. Not modified.
     * @param z2 count×k second latents. Not modified.
     * @param a  m×n dictionary. Not modified.
     */
    static PairDifferences of(GenerativePrior prior, DMatrixRMaj z1, DMatrixRMaj z2, DMatrixRMaj a) {
        DMatrixRMaj u = Latents.forward(prior, z1);
        CommonOps_DDRM.subtractEquals(u, Latents.forward(prior, z2));
        DMatrixRMaj au = new DMatrixRMaj(u.numRows, a.numRows);
        Kernels.get().gemm(false, false, 1, u, CommonOps_DDRM.transpose(a, null), 0, au);
        double[] norms = new double[u.numRows];
        for (int i = 0; i < norms.length; i++) {
            norms[i] = Latents.norm(u.data, i * u.numCols, u.numCols);
        }
        return new PairDifferences(u, au, norms);
    }

    /**
     * Second latents of tangent pairs: z2 = clip(z1 + t·w), w uniform on the unit sphere.
     *
     * @param z1 count×k. Not modified.
     * @return count×k
     */
    static DMatrixRMaj tangentPartners(DMatrixRMaj z1, SplittableRandom rng, double t, double radius) {
        int k = z1.numCols;
        DMatrixRMaj z2 = z1.copy();
        for (int b = 0; b < z1.numRows; b++) {
            double[] w = Latents.unitVector(rng, k);
            for (int i = 0; i < k; i++) {
                z2.data[b * k + i] += t * w[i];
            }
            Latents.clip(z2.data, b * k, k, radius);
        }
        return z2;
    }

    /** @return a typical latent scale: the radius when finite, else the median ‖z‖ of {@code z} */
    static double latentScale(DMatrixRMaj z, double radius) {
        if (Double.isFinite(radius)) {
            return radius;
        }
        double[] norms = new double[z.numRows];
        for (int b = 0; b < norms.length; b++) {
            norms[b] = Latents.norm(z.data, b * z.numCols, z.numCols);
        }
        return Latents.quantile(norms, 0.5);
    }

    /**
     * An orthonormal basis U (n×r) of the span of the given rows, each normalised first; rank r counts
     * singular values above 10⁻¹⁰·σ_max. Tall inputs are first reduced by a column-pivoted QR,
     * D·P = Q·R, whose n×n factor R has the same singular values and, after undoing P, the same right
     * singular vectors; this is much faster than a direct SVD of D.
     *
     * @param rows count×n. Not modified.
     * @param norms the row norms; rows with norm below {@link #MIN_NORM} are left out
     */
    static DMatrixRMaj spanBasis(DMatrixRMaj rows, double[] norms) {
        int n = rows.numCols;
        int kept = 0;
        for (double v : norms) {
            kept += v >= MIN_NORM ? 1 : 0;
        }
        DMatrixRMaj scaled = new DMatrixRMaj(kept, n);
        int r = 0;
        for (int i = 0; i < rows.numRows; i++) {
            if (norms[i] >= MIN_NORM) {
                for (int j = 0; j < n; j++) {
                    scaled.data[r * n + j] = rows.data[i * n + j] / norms[i];
                }
                r++;
            }
        }
        if (kept == 0) {
            return new DMatrixRMaj(n, 0);
        }
        DMatrixRMaj reduced = scaled;
        int[] pivots = null;
        if (kept > n) {
            QRPDecomposition_F64<DMatrixRMaj> qr = DecompositionFactory_DDRM.qrp(kept, n);
            if (!qr.decompose(scaled)) {
                throw new GendictException(ErrorKind.NUMERICAL_FAILURE,
                        "span of " + kept + " output differences: pivoted QR decomposition failed");
            }
            reduced = qr.getR(null, true);
            pivots = qr.getColPivots();
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(reduced.numRows, n, false, true, true);
        if (!svd.decompose(reduced)) {
            throw new GendictException(ErrorKind.NUMERICAL_FAILURE,
                    "span of " + kept + " output differences: SVD did not converge");
        }
        double[] sv = svd.getSingularValues();
        DMatrixRMaj v = svd.getV(null, false);
        double max = 0;
        for (int i = 0; i < svd.numberOfSingularValues(); i++) {
            max = Math.max(max, sv[i]);
        }
        int rank = 0;
        for (int i = 0; i < svd.numberOfSingularValues(); i++) {
            rank += sv[i] > RANK_TOL * max ? 1 : 0;
        }
        DMatrixRMaj basis = new DMatrixRMaj(n, rank);
        int c = 0;
        for (int i = 0; i < svd.numberOfSingularValues(); i++) {
            if (sv[i] > RANK_TOL * max) {
                for (int j = 0; j < n; j++) {
                    basis.data[(pivots == null ? j : pivots[j]) * rank + c] = v.get(j, i);
                }
                c++;
            }
        }
        return basis;
    }

    /**
     * An orthonormal basis of the tangent space range(J_G(z)) at one latent: the limits of
     * (G(z + t·w) − G(z))/t, so a ratio over this space is attained by pairs shrinking onto z.
     *
     * @param z length-k latent. Not modified.
     * @return n×r, r = rank J_G(z)
     */
    static DMatrixRMaj tangentBasis(GenerativePrior prior, double[] z) {
        DMatrixRMaj jac = new DMatrixRMaj(prior.outputDim(), prior.latentDim());
        prior.jacobian(z, jac);
        DMatrixRMaj columns = CommonOps_DDRM.transpose(jac, null);
        double[] norms = new double[columns.numRows];
        for (int i = 0; i < norms.length; i++) {
            norms[i] = Latents.norm(columns.data, i * columns.numCols, columns.numCols);
        }
        return spanBasis(columns, norms);
    }

    /**
     * @param a     m×n. Not modified.
     * @param basis n×r orthonormal. Not modified.
     * @return the singular values of A·U (length min(m, r)), or an empty array when r = 0
     */
    static double[] restrictedSingularValues(DMatrixRMaj a, DMatrixRMaj basis) {
        if (basis.numCols == 0) {
            return new double[0];
        }
        DMatrixRMaj au = new DMatrixRMaj(a.numRows, basis.numCols);
        Kernels.get().gemm(false, false, 1, a, basis, 0, au);
        return SingularOps_DDRM.singularValues(au);
    }
}
