package io.gendict.priors;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.kernel.Kernels;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Elementwise activations of an {@link MlpLayer}, named as in layer files and specs. Each maps a
 * pre-activation a to y = σ(a) and back-propagates g ↦ g·σ'(a).
 *
 * @since 0.1
 */
public enum Activation {
    /** σ(a) = a. */
    LINEAR,
    /** σ(a) = max(a, 0); σ'(a) = 1 for a > 0, else 0. */
    RELU,
    /** σ(a) = a for a > 0, else 0.01·a (PyTorch's default negative slope). */
    LEAKY_RELU,
    /** σ(a) = 1 / (1 + e^(−a)). */
    SIGMOID,
    /** σ(a) = tanh a. */
    TANH,
    /** σ(a) = log(1 + e^a) (PyTorch's Softplus with β = 1), computed without overflow. */
    SOFTPLUS,
    /** σ(a) = sin a. */
    SIN,
    /** σ(a) = a². */
    SQUARE;

    /** Negative slope of {@link #LEAKY_RELU}. */
    public static final double LEAK = 0.01;

    /** @return the kebab-case name used in files and specs, e.g. {@code "leaky-relu"} */
    public String specName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param name a spec name such as {@code "relu"} or {@code "leaky-relu"} (case and '_' vs '-' ignored)
     * @param what what is being read, used in the message, e.g. {@code "mlp: layer 2"}
     * @return the activation
     * @throws GendictException INVALID_PARAMETER naming the known activations
     */
    public static Activation parse(String name, String what) {
        String key = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Activation a : values()) {
            if (a.name().equals(key)) {
                return a;
            }
        }
        throw new GendictException(ErrorKind.INVALID_PARAMETER, what + ": unknown activation '" + name
                + "', expected one of " + Arrays.stream(values()).map(Activation::specName).collect(Collectors.joining(", ")));
    }

    /**
     * y[i] = σ(a[i]) for i < size.
     *
     * @param size number of entries
     * @param a    pre-activations. Not modified.
     * @param y    outputs, overwritten; may be {@code a}
     */
    void apply(int size, double[] a, double[] y) {
        switch (this) {
            case LINEAR -> System.arraycopy(a, 0, y, 0, size);
            case RELU -> Kernels.get().relu(size, a, y);
            default -> {
                for (int i = 0; i < size; i++) {
                    y[i] = value(a[i]);
                }
            }
        }
    }

    /**
     * out[i] = g[i]·σ'(a[i]) for i < size.
     *
     * @param size number of entries
     * @param a    pre-activations. Not modified.
     * @param y    σ(a), as computed by {@link #apply}. Not modified.
     * @param g    incoming cotangents. Not modified unless it is {@code out}.
     * @param out  overwritten; may be {@code g}
     */
    void backward(int size, double[] a, double[] y, double[] g, double[] out) {
        switch (this) {
            case LINEAR -> System.arraycopy(g, 0, out, 0, size);
            case RELU -> Kernels.get().reluBackward(size, a, g, out);
            default -> {
                for (int i = 0; i < size; i++) {
                    out[i] = g[i] * derivative(a[i], y[i]);
                }
            }
        }
    }

    private double value(double a) {
        return switch (this) {
            case LINEAR -> a;
            case RELU -> Math.max(a, 0);
            case LEAKY_RELU -> a > 0 ? a : LEAK * a;
            case SIGMOID -> a >= 0 ? 1 / (1 + Math.exp(-a)) : Math.exp(a) / (1 + Math.exp(a));
            case TANH -> Math.tanh(a);
            case SOFTPLUS -> a > 0 ? a + Math.log1p(Math.exp(-a)) : Math.log1p(Math.exp(a));
            case SIN -> Math.sin(a);
            case SQUARE -> a * a;
        };
    }

    /** @return σ'(a), given a and y = σ(a) */
    double derivative(double a, double y) {
        return switch (this) {
            case LINEAR -> 1;
            case RELU -> a > 0 ? 1 : 0;
            case LEAKY_RELU -> a > 0 ? 1 : LEAK;
            case SIGMOID -> y * (1 - y);
            case TANH -> 1 - y * y;
            case SOFTPLUS -> SIGMOID.value(a);
            case SIN -> Math.cos(a);
            case SQUARE -> 2 * a;
        };
    }
}
