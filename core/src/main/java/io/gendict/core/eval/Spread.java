package io.gendict.core.eval;

import io.gendict.core.error.Checks;

/**
 * Mean and spread of n independent values (e.g. one final test error per trial): the sample
 * standard deviation s (with n − 1) and the half-width t_{0.975, n−1}·s/√n of the two-sided 95%
 * Student-t confidence interval of the mean. With n = 1 both are undefined and {@code NaN}.
 *
 * @param n         number of values (≥ 1)
 * @param mean      their mean
 * @param std       sample standard deviation, NaN when n = 1
 * @param halfWidth 95% confidence half-width, NaN when n = 1
 * @since 0.1
 */
public record Spread(int n, double mean, double std, double halfWidth) {
    /** Confidence level of {@link #halfWidth}. */
    public static final double LEVEL = 0.95;

    /**
     * @param values n ≥ 1 values. Not modified.
     * @return their spread
     */
    public static Spread of(double[] values) {
        int n = values.length;
        Checks.parameter(n >= 1, "spread of no values");
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        if (n == 1) {
            return new Spread(1, mean, Double.NaN, Double.NaN);
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(ss / (n - 1));
        return new Spread(n, mean, std, StudentT.quantile(0.5 + LEVEL / 2, n - 1) * std / Math.sqrt(n));
    }
}
