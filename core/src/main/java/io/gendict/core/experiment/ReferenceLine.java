package io.gendict.core.experiment;

/**
 * The reference lines an experiment reports beside its methods, each measured with the same metric
 * on the same test batches and, where codes are involved, the same quantizer (docs/algorithms.md §3).
 * The two ground-truth lines exist for synthetic data only: they bound what any learner can reach.
 *
 * @since 0.1
 */
public enum ReferenceLine {
    /** The noisy input y itself, compared with the clean signal: what doing nothing costs. */
    NOISY_INPUT("noisy_input", "(noisy input)", "noisy input"),
    /** A* with the best available decoder: the {@code fast} method's oracle for this prior, codes quantized. */
    TRUE_DICTIONARY("true_dictionary_decoded", "(A*, fast decoder)", "A*, fast decoder"),
    /** A* with the true latents z*, quantized: only the quantization error remains. */
    TRUE_LATENTS("true_dictionary_true_latents", "(A*, true z*)", "A*, true z*");

    private final String key;
    private final String label;
    private final String legend;

    ReferenceLine(String key, String label, String legend) {
        this.key = key;
        this.label = label;
        this.legend = legend;
    }

    /** @return the key in {@code summary.json} */
    public String key() {
        return key;
    }

    /** @return the label in the terminal table */
    public String label() {
        return label;
    }

    /** @return the legend entry on the plot */
    public String legend() {
        return legend;
    }
}
