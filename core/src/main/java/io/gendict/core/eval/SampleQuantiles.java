package io.gendict.core.eval;

import io.gendict.core.error.Checks;

import java.util.Arrays;

/**
 * Median, 90th percentile and maximum of per-sample errors, so that a few failed decodes show even
 * when the mean hides them. Quantiles interpolate linearly between order statistics (NumPy's default:
 * the p-quantile of sorted x_0 ≤ … ≤ x_{N−1} sits at position p·(N − 1)).
 *
 * @param median the 0.5 quantile
 * @param p90    the 0.9 quantile
 * @param max    the largest value
 * @since 0.1
 */
public record SampleQuantiles(double median, double p90, double max) {
    /**
     * @param values N ≥ 1 values. Not modified.
     * @return their quantiles
     */
    public static SampleQuantiles of(double[] values) {
        Checks.parameter(values.length >= 1, "quantiles of no values");
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new SampleQuantiles(quantile(sorted, 0.5), quantile(sorted, 0.9), sorted[sorted.length - 1]);
    }

    private static double quantile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
