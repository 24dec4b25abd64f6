package io.gendict.theory.estimate;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.eval.StudentT;

import java.util.Arrays;
import java.util.Locale;

/**
 * Fit of a geometric convergence e_s ≈ f + C·ρ^s down to a floor f (docs/algorithms.md §4.4; Theorems 5.1,
 * 5.2): f is the median of e_s over the last 20% of iterations; log(e_s − f) = a + s·log ρ is fitted by
 * least squares on the iterations with e_s &gt; 10·f (at least 5 are needed); ρ̂ = exp(slope) with a 95%
 * interval exp(slope ± t_{0.975, p−2}·SE(slope)). The rate passes when the upper end is below 1.
 * Subtracting f is our addition to §4.4 (which fits log e_s): without it the floor biases ρ̂ upwards
 * and the interval misses the true rate for long, low-noise runs.
 * For errors e_s = ‖A_s − A*‖_F this is the per-iteration factor of the error itself (the theorems state
 * the squared error, whose factor is ρ²).
 *
 * @param condition   always {@code "Convergence (Theorems 5.1, 5.2)"}
 * @param rate        ρ̂, NaN when fewer than 5 points lie above 10·f
 * @param rateLow     lower end of the 95% interval of ρ
 * @param rateHigh    upper end of the 95% interval of ρ
 * @param intercept   the fitted a (log(e − f) at s = 0)
 * @param floor       f, the bias floor
 * @param pointsUsed  iterations in the fit
 * @param holds       the fit exists and rateHigh &lt; 1
 * @param sampleCount iterations given
 * @param confidence  the interval in words
 * @param explanation the numbers in words
 * @since 0.1
 */
public record ConvergenceFit(String condition, double rate, double rateLow, double rateHigh, double intercept,
                             double floor, int pointsUsed, boolean holds, int sampleCount, String confidence,
                             String explanation) implements CheckResult {
    private static final int MIN_POINTS = 5;

    /**
     * @param errors the error sequence e_0, e_1, … (finite, ≥ 0; at least 5 values). Not modified.
     * @return the fit
     * @throws io.gendict.core.error.GendictException INVALID_INPUT for a short, negative or non-finite sequence
     */
    public static ConvergenceFit fit(double[] errors) {
        if (errors.length < MIN_POINTS) {
            throw new GendictException(ErrorKind.INVALID_INPUT,
                    "error sequence: expected at least " + MIN_POINTS + " values, got " + errors.length);
        }
        for (int s = 0; s < errors.length; s++) {
            if (!(errors[s] >= 0) || !Double.isFinite(errors[s])) {
                throw new GendictException(ErrorKind.INVALID_INPUT,
                        "error sequence: expected finite values ≥ 0, got " + errors[s] + " at iteration " + s);
            }
        }
        int tail = Math.max(1, (int) Math.ceil(0.2 * errors.length));
        double floor = Latents.quantile(Arrays.copyOfRange(errors, errors.length - tail, errors.length), 0.5);
        int p = 0;
        double sx = 0;
        double sy = 0;
        for (int s = 0; s < errors.length; s++) {
            if (errors[s] > 10 * floor && errors[s] > 0) {
                p++;
                sx += s;
                sy += Math.log(errors[s] - floor);
            }
        }
        if (p < MIN_POINTS) {
            return new ConvergenceFit("Convergence (Theorems 5.1, 5.2)", Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, floor, p, false, errors.length, "no interval: too few points",
                    String.format(Locale.ROOT, "Convergence: only %d iterations lie above 10× the floor %s "
                            + "(need %d); the sequence reaches its floor too fast or does not decrease.",
                            p, Latents.fmt(floor), MIN_POINTS));
        }
        double mx = sx / p;
        double my = sy / p;
        double sxx = 0;
        double sxy = 0;
        for (int s = 0; s < errors.length; s++) {
            if (errors[s] > 10 * floor && errors[s] > 0) {
                sxx += (s - mx) * (s - mx);
                sxy += (s - mx) * (Math.log(errors[s] - floor) - my);
            }
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double sse = 0;
        for (int s = 0; s < errors.length; s++) {
            if (errors[s] > 10 * floor && errors[s] > 0) {
                double r = Math.log(errors[s] - floor) - intercept - slope * s;
                sse += r * r;
            }
        }
        double se = Math.sqrt(sse / (p - 2) / sxx);
        double t = StudentT.quantile(0.975, p - 2);
        double rate = Math.exp(slope);
        double low = Math.exp(slope - t * se);
        double high = Math.exp(slope + t * se);
        boolean holds = high < 1;
        String confidence = String.format(Locale.ROOT, "95%% interval [%s, %s] from the slope's standard error "
                + "%s with t(0.975, %d) = %s", Latents.fmt(low), Latents.fmt(high), Latents.fmt(se), p - 2,
                Latents.fmt(t));
        String explanation = String.format(Locale.ROOT,
                "Convergence: e_s ≈ f + %s·%s^s over %d iterations above 10× the floor %s; 95%% CI of ρ [%s, %s]. %s",
                Latents.fmt(Math.exp(intercept)), Latents.fmt(rate), p, Latents.fmt(floor), Latents.fmt(low),
                Latents.fmt(high), holds ? "Geometric: the upper end is below 1." : "Not shown geometric: the "
                        + "upper end is not below 1.");
        return new ConvergenceFit("Convergence (Theorems 5.1, 5.2)", rate, low, high, intercept, floor, p, holds,
                errors.length, confidence, explanation);
    }
}
