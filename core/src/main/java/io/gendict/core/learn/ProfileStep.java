package io.gendict.core.learn;

import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * One damped Gauss–Newton step on the dictionary with the codes eliminated (variable projection; this
 * project's, not the paper's). Linearising r_b = y_b − A·G(z_b) in both A and z_b and minimising over
 * each code step Δz_b leaves, for the dictionary step ΔA (m×n),
 * <pre>
 *   Σ_b ‖(I − U_b U_bᵀ)(r_b − ΔA·g_b)‖²,   g_b = G(z_b),  U_b an orthonormal basis of A·J_G(z_b) (m×k),
 * </pre>
 * whose normal equations are S·vec(ΔA) = vec(Σ_b (I − U_b U_bᵀ) r_b g_bᵀ) with
 * S = (XᵀX) ⊗ I_m − Σ_b (g_b g_bᵀ) ⊗ (U_b U_bᵀ) (vec stacks columns: entry (i, j) of ΔA is unknown
 * j·m + i). Alternating least squares solves with the first term alone and so ignores that a change of A
 * is partly undone by the codes moving along the manifold's tangents; where that coupling is strong it
 * crawls (on figure 1a it was still improving after 100 rounds). Levenberg–Marquardt damping
 * μ·tr(S)/(mn) is added to the diagonal. The system is built once per window and point, then solved
 * for any damping. Its coupling term is one product: entry ((j, i), (j2, i2)) of
 * Σ_b (g_b g_bᵀ) ⊗ (U_b U_bᵀ) is Σ_b (g_b g_bᵀ)_{j j2}·(U_b U_bᵀ)_{i i2}, so the W×n(n+1)/2 upper triangles
 * of g_b g_bᵀ times the W×m(m+1)/2 upper triangles of the projectors give it with W·(mn)²/4 multiply–adds
 * (a product of the W·k tangent vectors g_b ⊗ U_b with themselves would take 4k times more). Cost
 * O(W·(mn)²/4 + W·m²·k) to build, O((mn)³) per solve; memory O((mn)² + W·(m² + n²)), so it is used only
 * up to {@value #MAX_UNKNOWNS} unknowns.
 */
final class ProfileStep {
    /** Largest m·n the step is built for (an 8 MB system). */
    static final int MAX_UNKNOWNS = 1024;
    /** Columns of A·J_G shorter than this fraction of the longest are treated as absent. */
    private static final double RANK_TOL = 1e-10;

    private final DMatrixRMaj a;
    private final DMatrixRMaj system;
    private final DMatrixRMaj rhs;

    /**
     * Builds the undamped system at (A, Z).
     *
     * @param prior the prior G with latent dimension k and output dimension n
     * @param y     W×m window. Not modified.
     * @param z     W×k codes. Not modified.
     * @param x     W×n, G(Z). Not modified.
     * @param a     m×n dictionary with m·n ≤ {@link #MAX_UNKNOWNS}. Not modified.
     */
    ProfileStep(GenerativePrior prior, DMatrixRMaj y, DMatrixRMaj z, DMatrixRMaj x, DMatrixRMaj a) {
        MatrixKernels kern = Kernels.get();
        int m = a.numRows;
        int n = a.numCols;
        int k = z.numCols;
        int rows = y.numRows;
        int d = m * n;
        this.a = a;
        DMatrixRMaj residual = y.copy();
        kern.gemm(false, true, -1, x, a, 1, residual);
        int outerPairs = n * (n + 1) / 2;
        int projectorPairs = m * (m + 1) / 2;
        DMatrixRMaj outer = new DMatrixRMaj(rows, outerPairs);
        DMatrixRMaj projectors = new DMatrixRMaj(rows, projectorPairs);
        tangents(prior, z, x, a, residual, outer, projectors);
        DMatrixRMaj coupling = new DMatrixRMaj(outerPairs, projectorPairs);
        kern.gemm(true, false, 1, outer, projectors, 0, coupling);
        DMatrixRMaj gram = new DMatrixRMaj(n, n);
        kern.gemm(true, false, 1, x, x, 0, gram);
        system = system(gram, coupling, m);
        DMatrixRMaj gradient = new DMatrixRMaj(m, n);
        kern.gemm(true, false, 1, residual, x, 0, gradient);
        rhs = new DMatrixRMaj(d, 1);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                rhs.data[j * m + i] = gradient.data[i * n + j];
            }
        }
    }

    /**
     * Per window row b: projects r_b onto the orthogonal complement of the tangent space A·J_G(z_b) (in
     * place) and packs the upper triangles of g_b g_bᵀ and of the tangent projector U_b U_bᵀ.
     *
     * @param residual   W×m residuals Y − G(Z)·Aᵀ, overwritten with the projected ones
     * @param outer      W×n(n+1)/2, overwritten
     * @param projectors W×m(m+1)/2, overwritten
     */
    private static void tangents(GenerativePrior prior, DMatrixRMaj z, DMatrixRMaj x, DMatrixRMaj a,
                                 DMatrixRMaj residual, DMatrixRMaj outer, DMatrixRMaj projectors) {
        int m = a.numRows;
        int n = a.numCols;
        int k = z.numCols;
        DMatrixRMaj jac = new DMatrixRMaj(n, k);
        DMatrixRMaj basis = new DMatrixRMaj(m, k);
        double[] zb = new double[k];
        for (int b = 0; b < z.numRows; b++) {
            System.arraycopy(z.data, b * k, zb, 0, k);
            prior.jacobian(zb, jac);
            CommonOps_DDRM.mult(a, jac, basis);
            orthonormalizeColumns(basis);
            project(basis, residual.data, b * m);
            packUpper(x.data, b * n, n, 1, outer.data, b * outer.numCols);
            packUpper(basis.data, 0, m, k, projectors.data, b * projectors.numCols);
        }
    }

    /** @return S = (XᵀX) ⊗ I_m − coupling, the mn×mn system, from the n×n gram XᵀX and the packed coupling */
    private static DMatrixRMaj system(DMatrixRMaj gram, DMatrixRMaj coupling, int m) {
        int n = gram.numRows;
        int d = m * n;
        int projectorPairs = coupling.numCols;
        DMatrixRMaj system = new DMatrixRMaj(d, d);
        for (int j = 0; j < n; j++) {
            for (int j2 = 0; j2 < n; j2++) {
                double g = gram.data[j * n + j2];
                int row = pair(j, j2, n) * projectorPairs;
                for (int i = 0; i < m; i++) {
                    int at = (j * m + i) * d + j2 * m;
                    for (int i2 = 0; i2 < m; i2++) {
                        system.data[at + i2] = (i == i2 ? g : 0) - coupling.data[row + pair(i, i2, m)];
                    }
                }
            }
        }
        return system;
    }

    /**
     * @param damping μ ≥ 0, relative to the mean diagonal of S
     * @param out     m×n, overwritten with A + ΔA
     * @return false when the damped system is not positive definite (out is then unchanged)
     */
    boolean step(double damping, DMatrixRMaj out) {
        int d = system.numRows;
        DMatrixRMaj damped = system.copy();
        double lambda = Math.max(damping * CommonOps_DDRM.trace(system) / d, Double.MIN_NORMAL);
        for (int i = 0; i < d; i++) {
            damped.data[i * d + i] += lambda;
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(d);
        if (!solver.setA(damped)) {
            return false;
        }
        DMatrixRMaj delta = new DMatrixRMaj(d, 1);
        solver.solve(rhs, delta);
        int m = a.numRows;
        int n = a.numCols;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                out.data[i * n + j] = a.data[i * n + j] + delta.data[j * m + i];
            }
        }
        return true;
    }

    /**
     * Writes the upper triangle, row by row, of V·Vᵀ for the size×width matrix V stored row-major at
     * {@code v[from…]}: entry (i, i2), i ≤ i2, goes to {@code out[to + pair(i, i2, size)]}.
     */
    private static void packUpper(double[] v, int from, int size, int width, double[] out, int to) {
        int at = to;
        for (int i = 0; i < size; i++) {
            for (int i2 = i; i2 < size; i2++) {
                double s = 0;
                for (int l = 0; l < width; l++) {
                    s += v[from + i * width + l] * v[from + i2 * width + l];
                }
                out[at++] = s;
            }
        }
    }

    /** @return the index of (min(i, j), max(i, j)) among the upper-triangle entries of a size×size matrix, row by row */
    private static int pair(int i, int j, int size) {
        int lo = Math.min(i, j);
        int hi = Math.max(i, j);
        return lo * size - lo * (lo - 1) / 2 + hi - lo;
    }

    /** Modified Gram–Schmidt on the columns of {@code b} (m×k); columns dependent on earlier ones become 0. */
    private static void orthonormalizeColumns(DMatrixRMaj b) {
        int m = b.numRows;
        int k = b.numCols;
        double longest = 0;
        for (int l = 0; l < k; l++) {
            longest = Math.max(longest, columnNorm(b, l));
        }
        for (int l = 0; l < k; l++) {
            for (int p = 0; p < l; p++) {
                double dot = 0;
                for (int i = 0; i < m; i++) {
                    dot += b.data[i * k + l] * b.data[i * k + p];
                }
                for (int i = 0; i < m; i++) {
                    b.data[i * k + l] -= dot * b.data[i * k + p];
                }
            }
            double norm = columnNorm(b, l);
            double scale = norm > RANK_TOL * longest ? 1 / norm : 0;
            for (int i = 0; i < m; i++) {
                b.data[i * k + l] *= scale;
            }
        }
    }

    private static double columnNorm(DMatrixRMaj b, int l) {
        double s = 0;
        for (int i = 0; i < b.numRows; i++) {
            double v = b.data[i * b.numCols + l];
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /** r ← (I − U Uᵀ) r for the m entries of {@code r} from {@code offset}; U is m×k with orthonormal or zero columns. */
    private static void project(DMatrixRMaj u, double[] r, int offset) {
        int m = u.numRows;
        int k = u.numCols;
        for (int l = 0; l < k; l++) {
            double dot = 0;
            for (int i = 0; i < m; i++) {
                dot += u.data[i * k + l] * r[offset + i];
            }
            for (int i = 0; i < m; i++) {
                r[offset + i] -= dot * u.data[i * k + l];
            }
        }
    }
}
