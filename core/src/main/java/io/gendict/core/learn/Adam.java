package io.gendict.core.learn;

import io.gendict.core.kernel.Kernels;

import java.util.Arrays;

/**
 * Adam (Kingma &amp; Ba 2015) on a flat parameter array, equal to PyTorch's Adam without weight
 * decay (docs/algorithms.md §9): m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g∘g,
 * θ ← θ − lr·m̂/(√v̂ + ε), arranged as PyTorch does (see {@link io.gendict.core.kernel.MatrixKernels#adamStep}). One instance holds the state of one optimisation problem; {@link #step}
 * allocates nothing. Not thread-safe.
 *
 * @since 0.1
 */
public final class Adam {
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double[] m;
    private final double[] v;
    private double beta1Power;
    private double beta2Power;

    /**
     * Adam with PyTorch's defaults β1 = 0.9, β2 = 0.999, ε = 1e-8.
     *
     * @param size number of parameters
     * @param lr   learning rate
     */
    public Adam(int size, double lr) {
        this(size, lr, 0.9, 0.999, 1e-8);
    }

    /**
     * @param size  number of parameters
     * @param lr    learning rate
     * @param beta1 first-moment decay
     * @param beta2 second-moment decay
     * @param eps   added to √v̂
     */
    public Adam(int size, double lr, double beta1, double beta2, double eps) {
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.m = new double[size];
        this.v = new double[size];
        reset();
    }

    /** Starts a new problem: zero moments, step count 0. */
    public void reset() {
        Arrays.fill(m, 0);
        Arrays.fill(v, 0);
        beta1Power = 1;
        beta2Power = 1;
    }

    /**
     * One Adam step on the first {@code size} entries.
     *
     * @param theta parameters. Modified.
     * @param grad  gradient at {@code theta}. Not modified.
     */
    public void step(double[] theta, double[] grad) {
        beta1Power *= beta1;
        beta2Power *= beta2;
        Kernels.get().adamStep(m.length, theta, grad, m, v, beta1, beta2, lr, 1 - beta1Power, 1 - beta2Power, eps);
    }
}
