package io.gendict.priors.vae;

import org.ejml.data.DMatrixRMaj;

import java.util.List;

/**
 * Adam (docs/algorithms.md §9, equal to PyTorch's): one m, v state per parameter matrix, β1 = 0.9,
 * β2 = 0.999, ε = 1e-8 added after the square root of the bias-corrected v, no weight decay.
 */
final class Adam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final List<DMatrixRMaj> params;
    private final double[][] m;
    private final double[][] v;
    private final double lr;
    private double beta1Power = 1;
    private double beta2Power = 1;

    /** @param params the matrices to optimize; modified in place by {@link #step} */
    Adam(List<DMatrixRMaj> params, double lr) {
        this.params = params;
        this.lr = lr;
        this.m = new double[params.size()][];
        this.v = new double[params.size()][];
        for (int j = 0; j < params.size(); j++) {
            m[j] = new double[params.get(j).getNumElements()];
            v[j] = new double[params.get(j).getNumElements()];
        }
    }

    /** @param grads gradients, same order and shapes as the parameters. Not modified. */
    void step(List<DMatrixRMaj> grads) {
        beta1Power *= BETA1;
        beta2Power *= BETA2;
        double c1 = 1 / (1 - beta1Power);
        double c2 = 1 / (1 - beta2Power);
        for (int j = 0; j < m.length; j++) {
            double[] theta = params.get(j).data;
            double[] g = grads.get(j).data;
            double[] mj = m[j];
            double[] vj = v[j];
            for (int i = 0; i < mj.length; i++) {
                double gi = g[i];
                mj[i] = BETA1 * mj[i] + (1 - BETA1) * gi;
                vj[i] = BETA2 * vj[i] + (1 - BETA2) * gi * gi;
                theta[i] -= lr * (mj[i] * c1) / (Math.sqrt(vj[i] * c2) + EPS);
            }
        }
    }
}
