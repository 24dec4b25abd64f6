package io.gendict.theory.estimate;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The WDC deviation of one weight matrix at one direction pair (docs/algorithms.md §4.3):
 * S_{x,y} = Σ_i 1[⟨w_i,x⟩ &gt; 0]·1[⟨w_i,y⟩ &gt; 0]·w_i w_iᵀ (k×k), the reference Q_{x,y}, and the
 * spectral norm ‖c²·S − Q‖ for a row scale c. Holds k×k scratch; not thread-safe.
 */
final class WdcStatistic {
    private final DMatrixRMaj w;
    private final int n;
    private final int k;
    private final DMatrixRMaj s;
    private final DMatrixRMaj diff;
    private final DMatrixRMaj q;
    private final EigenDecomposition_F64<DMatrixRMaj> eig;

    /** @param w n×k weight matrix, rows w_i. Not modified. */
    WdcStatistic(DMatrixRMaj w) {
        this.w = w;
        this.n = w.numRows;
        this.k = w.numCols;
        this.s = new DMatrixRMaj(k, k);
        this.diff = new DMatrixRMaj(k, k);
        this.q = new DMatrixRMaj(k, k);
        this.eig = DecompositionFactory_DDRM.eig(k, false, true);
    }

    /**
     * Computes S_{x,y} and Q_{x,y} for the pair; afterwards {@link #deviation} evaluates scales cheaply.
     *
     * @param x length-k nonzero direction. Not modified.
     * @param y length-k nonzero direction. Not modified.
     */
    void setPair(double[] x, double[] y) {
        s.zero();
        double[] d = w.data;
        for (int i = 0; i < n; i++) {
            int off = i * k;
            double px = 0;
            double py = 0;
            for (int j = 0; j < k; j++) {
                px += d[off + j] * x[j];
                py += d[off + j] * y[j];
            }
            if (px > 0 && py > 0) {
                for (int a = 0; a < k; a++) {
                    double wa = d[off + a];
                    for (int b = a; b < k; b++) {
                        s.data[a * k + b] += wa * d[off + b];
                    }
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < a; b++) {
                s.data[a * k + b] = s.data[b * k + a];
            }
        }
        reference(x, y, q);
    }

    /** @return ‖scale²·S_{x,y} − Q_{x,y}‖ (spectral norm) for the pair last set */
    double deviation(double scale) {
        double c2 = scale * scale;
        for (int i = 0; i < k * k; i++) {
            diff.data[i] = c2 * s.data[i] - q.data[i];
        }
        if (!eig.decompose(diff)) {
            return Double.NaN;
        }
        double max = 0;
        for (int i = 0; i < k; i++) {
            max = Math.max(max, Math.abs(eig.getEigenvalue(i).real));
        }
        return max;
    }

    /** @return the last computed S_{x,y} (k×k). Not to be modified. */
    DMatrixRMaj sum() {
        return s;
    }

    /**
     * Q_{x,y} = ((π − θ)/(2π)) I + (sin θ/(2π)) M_{x̂↔ŷ}, the expectation of S_{x,y} for rows i.i.d.
     * N(0, I_k/n); θ = 2·atan2(‖x̂ − ŷ‖, ‖x̂ + ŷ‖) (accurate near 0 and π); the M term is dropped
     * when sin θ &lt; 10⁻¹².
     *
     * @param x   length-k nonzero. Not modified.
     * @param y   length-k nonzero. Not modified.
     * @param out k×k, overwritten
     */
    static void reference(double[] x, double[] y, DMatrixRMaj out) {
        int k = x.length;
        double nx = Latents.norm(x, 0, k);
        double ny = Latents.norm(y, 0, k);
        double dm = 0;
        double dp = 0;
        for (int j = 0; j < k; j++) {
            double xj = x[j] / nx;
            double yj = y[j] / ny;
            dm += (xj - yj) * (xj - yj);
            dp += (xj + yj) * (xj + yj);
        }
        double theta = 2 * Math.atan2(Math.sqrt(dm), Math.sqrt(dp));
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        out.reshape(k, k);
        out.zero();
        double diag = (Math.PI - theta) / (2 * Math.PI);
        for (int j = 0; j < k; j++) {
            out.data[j * k + j] = diag;
        }
        if (sin < 1e-12) {
            return;
        }
        double c = sin / (2 * Math.PI);
        for (int a = 0; a < k; a++) {
            double e1a = x[a] / nx;
            double e2a = (y[a] / ny - cos * e1a) / sin;
            for (int b = 0; b < k; b++) {
                double e1b = x[b] / nx;
                double e2b = (y[b] / ny - cos * e1b) / sin;
                double m = cos * (e1a * e1b - e2a * e2b) + sin * (e1a * e2b + e2a * e1b);
                out.data[a * k + b] += c * m;
            }
        }
    }
}
