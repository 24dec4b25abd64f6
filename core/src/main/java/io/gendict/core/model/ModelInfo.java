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
 * @param plugins        the providers from plugin jars the model needs (prior, oracle, update rule, baseline)
 * @since 0.1
 */
public record ModelInfo(String method, String oracle, String update, Map<String, String> parameters, long seed,
                        long samplesSeen, String gendictVersion, String javaVersion, List<CurvePoint> curve,
                        List<Plugin> plugins) {
    /**
     * One point of the training curve.
     *
     * @param samples samples seen after the batch
     * @param error   the batch's mean squared reconstruction error
     */
    public record CurvePoint(long samples, double error) {
    }

    /**
     * A provider from a plugin jar that the model needs, so that loading it without the jar can name it.
     *
     * @param kind     e.g. {@code "prior"} or {@code "update rule"}
     * @param name     the provider's name
     * @param jar      the jar's file name
     * @param sha256   the jar's SHA-256, hex
     * @param provider the provider's class name
     */
    public record Plugin(String kind, String name, String jar, String sha256, String provider) {
    }

    /** A model that needs no plugin. */
    public ModelInfo(String method, String oracle, String update, Map<String, String> parameters, long seed,
                     long samplesSeen, String gendictVersion, String javaVersion, List<CurvePoint> curve) {
        this(method, oracle, update, parameters, seed, samplesSeen, gendictVersion, javaVersion, curve, List.of());
    }

    /**
     * @param needs the providers from plugin jars the model needs
     * @return this record with {@code plugins} replaced
     */
    public ModelInfo withPlugins(List<Plugin> needs) {
        return new ModelInfo(method, oracle, update, parameters, seed, samplesSeen, gendictVersion, javaVersion, curve,
                needs);
    }

    /** Copies the collections. */
    public ModelInfo {
        parameters = Map.copyOf(parameters);
        curve = List.copyOf(curve);
        plugins = List.copyOf(plugins);
    }
}
