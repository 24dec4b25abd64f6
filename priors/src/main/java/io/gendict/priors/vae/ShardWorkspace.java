package io.gendict.priors.vae;

import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import io.gendict.core.spi.Gaussian;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Activations, ε and gradients of one shard of a mini-batch (docs/algorithms.md §8), preallocated for
 * {@code maxRows} rows so a training step allocates nothing. Computes the summed loss
 * Σ_rows [Σ_pixels BCE + KL] and its gradient with respect to every parameter, for the ε drawn by
 * {@link #drawNoise}. BCE uses the logits form softplus(a) − x·a, exact for sigmoid outputs.
 *
 * <pre>
 * forward:  a1 = xW1+b1, h1 = relu(a1), [μ | lv] = h1W2+b2, s = exp(lv/2), z = μ + s⊙ε,
 *           a3 = zW3+b3, h3 = relu(a3), a4 = h3W4+b4
 * backward: g4 = sigmoid(a4) − x, g3 = (g4W4ᵀ)⊙[a3&gt;0], gz = g3W3ᵀ,
 *           gμ = gz + μ, glv = ½ gz⊙ε⊙s + ½(s² − 1), g1 = ([gμ | glv]W2ᵀ)⊙[a1&gt;0],
 *           dWℓ = inputℓᵀ·gℓ, dbℓ = column sums of gℓ
 * </pre>
 */
final class ShardWorkspace {
    private final VaeNetwork net;
    private final int latent;
    private final DMatrixRMaj x;
    private final DMatrixRMaj a1;
    private final DMatrixRMaj h1;
    private final DMatrixRMaj headsOut;
    private final DMatrixRMaj std;
    private final DMatrixRMaj eps;
    private final DMatrixRMaj z;
    private final DMatrixRMaj a3;
    private final DMatrixRMaj h3;
    private final DMatrixRMaj a4;
    private final DMatrixRMaj g4;
    private final DMatrixRMaj g3;
    private final DMatrixRMaj gz;
    private final DMatrixRMaj gHeads;
    private final DMatrixRMaj g1;
    private final List<DMatrixRMaj> gradients;
    private double loss;

    /** @param net read during forward and backward, never modified */
    ShardWorkspace(VaeNetwork net, int maxRows) {
        this.net = net;
        this.latent = net.latent;
        int d = net.encoder.in();
        int h = net.encoder.out();
        x = new DMatrixRMaj(maxRows, d);
        a1 = new DMatrixRMaj(maxRows, h);
        h1 = new DMatrixRMaj(maxRows, h);
        headsOut = new DMatrixRMaj(maxRows, 2 * latent);
        std = new DMatrixRMaj(maxRows, latent);
        eps = new DMatrixRMaj(maxRows, latent);
        z = new DMatrixRMaj(maxRows, latent);
        a3 = new DMatrixRMaj(maxRows, h);
        h3 = new DMatrixRMaj(maxRows, h);
        a4 = new DMatrixRMaj(maxRows, d);
        g4 = new DMatrixRMaj(maxRows, d);
        g3 = new DMatrixRMaj(maxRows, h);
        gz = new DMatrixRMaj(maxRows, latent);
        gHeads = new DMatrixRMaj(maxRows, 2 * latent);
        g1 = new DMatrixRMaj(maxRows, h);
        gradients = net.parameters().stream().map(p -> new DMatrixRMaj(p.numRows, p.numCols)).toList();
    }

    /**
     * Copies images[order[from + i]] into row i of x for i &lt; rows.
     *
     * @param images N×D in [0, 1]. Not modified.
     * @param order  row permutation. Not modified.
     */
    void load(DMatrixRMaj images, int[] order, int from, int rows) {
        int d = images.numCols;
        x.reshape(rows, d);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(images.data, order[from + i] * d, x.data, i * d, d);
        }
    }

    /** Fills ε (rows×L, row by row) with N(0, 1) draws from {@code rng}, which is advanced. */
    void drawNoise(SplittableRandom rng, int rows) {
        eps.reshape(rows, latent);
        int size = rows * latent;
        for (int i = 0; i < size; i++) {
            eps.data[i] = Gaussian.next(rng);
        }
    }

    /** @return the summed negative ELBO of the last {@link #forward} */
    double loss() {
        return loss;
    }

    /** @return dW, db per layer (parameter order) of the last {@link #backward}; the caller may add into them */
    List<DMatrixRMaj> gradients() {
        return gradients;
    }

    /**
     * Forward pass on the loaded rows and ε; sets {@link #loss()}.
     *
     * @param outputGradient whether to also store g4 = sigmoid(a4) − x for {@link #backward}
     */
    void forward(boolean outputGradient) {
        MatrixKernels k = Kernels.get();
        int rows = x.numRows;
        net.encoder.forward(x, a1);
        h1.reshape(rows, a1.numCols);
        k.relu(rows * a1.numCols, a1.data, h1.data);
        net.heads.forward(h1, headsOut);
        double kl = sampleLatent(rows);
        net.decoderHidden.forward(z, a3);
        h3.reshape(rows, a3.numCols);
        k.relu(rows * a3.numCols, a3.data, h3.data);
        net.decoderOut.forward(h3, a4);
        loss = kl + bernoulli(outputGradient);
    }

    /** Backward pass after {@code forward(true)}; overwrites {@link #gradients()}. */
    void backward() {
        MatrixKernels k = Kernels.get();
        int rows = x.numRows;
        int h = a3.numCols;
        layerGradients(h3, g4, 6);
        g3.reshape(rows, h);
        k.gemm(false, false, 1, g4, net.decoderOut.weightT, 0, g3);
        k.reluBackward(rows * h, a3.data, g3.data, g3.data);
        layerGradients(z, g3, 4);
        gz.reshape(rows, latent);
        k.gemm(false, false, 1, g3, net.decoderHidden.weightT, 0, gz);
        headGradients(rows);
        layerGradients(h1, gHeads, 2);
        g1.reshape(rows, h);
        k.gemm(false, false, 1, gHeads, net.heads.weightT, 0, g1);
        k.reluBackward(rows * h, a1.data, g1.data, g1.data);
        layerGradients(x, g1, 0);
    }

    /** z = μ + exp(lv/2)⊙ε; returns Σ KL = −½ Σ (1 + lv − μ² − exp(lv)). */
    private double sampleLatent(int rows) {
        std.reshape(rows, latent);
        z.reshape(rows, latent);
        double[] hd = headsOut.data;
        double kl = 0;
        for (int i = 0; i < rows; i++) {
            int hi = 2 * latent * i;
            int li = latent * i;
            for (int j = 0; j < latent; j++) {
                double mu = hd[hi + j];
                double lv = hd[hi + latent + j];
                double s = Math.exp(0.5 * lv);
                std.data[li + j] = s;
                z.data[li + j] = mu + s * eps.data[li + j];
                kl += 1 + lv - mu * mu - s * s;
            }
        }
        return -0.5 * kl;
    }

    /** Σ softplus(a4) − x·a4 over all pixels; optionally g4 = sigmoid(a4) − x. */
    private double bernoulli(boolean outputGradient) {
        int size = a4.getNumElements();
        if (outputGradient) {
            g4.reshape(a4.numRows, a4.numCols);
        }
        double[] a = a4.data;
        double[] xd = x.data;
        double[] g = g4.data;
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double ai = a[i];
            double e = Math.exp(-Math.abs(ai));
            sum += Math.max(ai, 0) - xd[i] * ai + Math.log1p(e);
            if (outputGradient) {
                g[i] = (ai >= 0 ? 1 / (1 + e) : e / (1 + e)) - xd[i];
            }
        }
        return sum;
    }

    /** [gμ | glv] with gμ = gz + μ and glv = ½ gz⊙ε⊙s + ½(s² − 1). */
    private void headGradients(int rows) {
        gHeads.reshape(rows, 2 * latent);
        double[] hd = headsOut.data;
        double[] gh = gHeads.data;
        for (int i = 0; i < rows; i++) {
            int hi = 2 * latent * i;
            int li = latent * i;
            for (int j = 0; j < latent; j++) {
                double s = std.data[li + j];
                double g = gz.data[li + j];
                gh[hi + j] = g + hd[hi + j];
                gh[hi + latent + j] = 0.5 * (g * eps.data[li + j] * s + s * s - 1);
            }
        }
    }

    /** dW = inputᵀ·g into gradients[index], db = column sums of g into gradients[index + 1]. */
    private void layerGradients(DMatrixRMaj input, DMatrixRMaj g, int index) {
        MatrixKernels k = Kernels.get();
        k.gemm(true, false, 1, input, g, 0, gradients.get(index));
        DMatrixRMaj db = gradients.get(index + 1);
        int cols = g.numCols;
        Arrays.fill(db.data, 0, cols, 0.0);
        for (int i = 0; i < g.numRows; i++) {
            k.axpy(cols, 1, g.data, i * cols, db.data, 0);
        }
    }
}
