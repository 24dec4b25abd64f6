import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * How low any learner can go on figure 1b (group sparsity: y = A*·M·(z∘z) + σ·η, m = 784, n = 300,
 * k = 10, M Bernoulli(0.6), A* Uniform[0,1), z ~ N(0, I), σ = 0.1) after N training samples. It draws
 * the setting once, then compares on 150 fresh test samples the mean ‖ŷ − A*·M·w*‖ of
 * <ul>
 * <li>the rank-k principal subspace of the N training samples (what {@code pca} does), and</li>
 * <li>an oracle that knows the training latents: E = Y·W⁺ fitted by least squares on the true
 *     w = z∘z, test samples projected onto span(E), no rounding;</li>
 * </ul>
 * and prints E*'s extreme singular values, which say how well the data determine the codes inside the
 * span (σ/s_min against the spread of w, √2). Equal errors for the two mean the span's tilt by noise,
 * not the lack of a prior, limits every method. Usage:
 * {@code java -cp cli/target/gendict.jar bench/GroupSparsityBound.java [N] [seed]} (defaults 300, 1).
 */
public final class GroupSparsityBound {
    private static final int M = 784;
    private static final int N_FEATURES = 300;
    private static final int K = 10;
    private static final int TEST = 150;
    private static final double SIGMA = 0.1;
    private static final double P = 0.6;

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        Random rng = new Random(seed);
        DMatrixRMaj a = new DMatrixRMaj(M, N_FEATURES);
        DMatrixRMaj mix = new DMatrixRMaj(N_FEATURES, K);
        for (int i = 0; i < a.data.length; i++) {
            a.data[i] = rng.nextDouble();
        }
        for (int i = 0; i < mix.data.length; i++) {
            mix.data[i] = rng.nextDouble() < P ? 1 : 0;
        }
        DMatrixRMaj e = new DMatrixRMaj(M, K);
        CommonOps_DDRM.mult(a, mix, e);
        DMatrixRMaj wTrain = codes(rng, n);
        DMatrixRMaj yTrain = observe(rng, e, wTrain);
        DMatrixRMaj wTest = codes(rng, TEST);
        DMatrixRMaj clean = new DMatrixRMaj(M, TEST);
        CommonOps_DDRM.mult(e, wTest, clean);
        DMatrixRMaj yTest = observe(rng, e, wTest);

        DMatrixRMaj pinv = new DMatrixRMaj(n, K);
        CommonOps_DDRM.pinv(wTrain, pinv);
        DMatrixRMaj oracle = new DMatrixRMaj(M, K);
        CommonOps_DDRM.mult(yTrain, pinv, oracle);
        double[] s = singularValues(e);
        System.out.printf("N = %d, seed = %d, sigma = %.2f%n", n, seed, SIGMA);
        System.out.printf("singular values of E* = A*·M: min %.1f, max %.1f (sigma/min = %.1e)%n", s[0], s[K - 1], SIGMA / s[0]);
        System.out.printf("pca (rank-%d span of the training samples) %.4f%n", K, error(project(principal(yTrain), yTest), clean));
        System.out.printf("least squares on the true training latents  %.4f%n", error(project(orthonormal(oracle), yTest), clean));
        System.out.printf("noise tilt sigma*sqrt(k(m-k)/N) %.4f, noise in span sigma*sqrt(k) %.4f%n",
                SIGMA * Math.sqrt(K * (M - K) / (double) n), SIGMA * Math.sqrt(K));
    }

    /** @return k×count codes w = z∘z, z ~ N(0, I) */
    private static DMatrixRMaj codes(Random rng, int count) {
        DMatrixRMaj w = new DMatrixRMaj(K, count);
        for (int i = 0; i < w.data.length; i++) {
            double z = rng.nextGaussian();
            w.data[i] = z * z;
        }
        return w;
    }

    /** @return E·W + σ·η (m×count) */
    private static DMatrixRMaj observe(Random rng, DMatrixRMaj e, DMatrixRMaj w) {
        DMatrixRMaj y = new DMatrixRMaj(M, w.numCols);
        CommonOps_DDRM.mult(e, w, y);
        for (int i = 0; i < y.data.length; i++) {
            y.data[i] += SIGMA * rng.nextGaussian();
        }
        return y;
    }

    private static double[] singularValues(DMatrixRMaj e) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(e.numRows, e.numCols, false, false, true);
        svd.decompose(e.copy());
        double[] s = svd.getSingularValues().clone();
        Arrays.sort(s);
        return s;
    }

    /** @return an orthonormal basis (m×k) of the k leading left singular vectors of y */
    private static DMatrixRMaj principal(DMatrixRMaj y) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(y.numRows, y.numCols, true, false, true);
        svd.decompose(y.copy());
        DMatrixRMaj u = svd.getU(null, false);
        double[] s = svd.getSingularValues();
        Integer[] order = new Integer[s.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (i, j) -> Double.compare(s[j], s[i]));
        DMatrixRMaj basis = new DMatrixRMaj(y.numRows, K);
        for (int c = 0; c < K; c++) {
            for (int r = 0; r < y.numRows; r++) {
                basis.set(r, c, u.get(r, order[c]));
            }
        }
        return basis;
    }

    private static DMatrixRMaj orthonormal(DMatrixRMaj e) {
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(e.numRows, e.numCols);
        qr.decompose(e.copy());
        return qr.getQ(null, true);
    }

    /** @return Q·Qᵀ·y */
    private static DMatrixRMaj project(DMatrixRMaj q, DMatrixRMaj y) {
        DMatrixRMaj c = new DMatrixRMaj(q.numCols, y.numCols);
        CommonOps_DDRM.multTransA(q, y, c);
        DMatrixRMaj out = new DMatrixRMaj(y.numRows, y.numCols);
        CommonOps_DDRM.mult(q, c, out);
        return out;
    }

    /** @return mean over columns of ‖x_j − clean_j‖ */
    private static double error(DMatrixRMaj x, DMatrixRMaj clean) {
        double total = 0;
        for (int j = 0; j < clean.numCols; j++) {
            double s = 0;
            for (int i = 0; i < clean.numRows; i++) {
                double d = x.get(i, j) - clean.get(i, j);
                s += d * d;
            }
            total += Math.sqrt(s);
        }
        return total / clean.numCols;
    }
}
