package io.gendict.core.model;

import java.util.List;
import java.util.Map;

/**
 * What produced a model, saved as {@code model.json}.
 *
 * @param method         method spec, e.g. {@code fast} or {@code ksvd:atoms=300,sparsity=10}
 * @param oracle         decode oracle spec of a generative method, or {@code null}
 * @param update         update rule spec of a generative method, or {@code null}
 * @param parameters     the run's settings (batch size, epochs, data source, …) as text
 * @param seed           root seed
 * @param samplesSeen    training samples consumed
 * @param gendictVersion gendict version that wrote the model
 * @param javaVersion    Java runtime version that wrote the model
 * @param curve          the training error after each batch
 * @since 0.1
 */
public record ModelInfo(String method, String oracle, String update, Map<String, String> parameters, long seed,
                        long samplesSeen, String gendictVersion, String javaVersion, List<CurvePoint> curve) {
    /**
     * One point of the training curve.
     *
     * @param samples samples seen after the batch
     * @param error   the batch's mean squared reconstruction error
     */
    public record CurvePoint(long samples, double error) {
    }

    /** Copies the collections. */
    public ModelInfo {
        parameters = Map.copyOf(parameters);
        curve = List.copyOf(curve);
    }
}
