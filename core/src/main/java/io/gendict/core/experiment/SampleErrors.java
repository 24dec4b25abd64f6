package io.gendict.core.experiment;

/**
 * The per-sample errors ‖A·x̂_i − s_i‖ over all test batches of one trial (pooled, in batch order)
 * of a trained method after its last training batch, or of a {@link ReferenceLine}.
 *
 * @param name   a method name, or a reference line's {@link ReferenceLine#key()}
 * @param trial  0-based trial
 * @param errors nB·B errors. Not to be modified.
 * @since 0.1
 */
public record SampleErrors(String name, int trial, double[] errors) {
    /** @return their mean: the trial's test error */
    public double mean() {
        double sum = 0;
        for (double e : errors) {
            sum += e;
        }
        return sum / errors.length;
    }
}
