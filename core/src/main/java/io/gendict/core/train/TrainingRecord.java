package io.gendict.core.train;

import io.gendict.core.model.Model;
import io.gendict.core.model.ModelInfo;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.GenerativePrior;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a learning run records while it trains, whichever engine drives it ({@code learn},
 * {@code spark-learn}): the learning curve (samples seen and mean batch error ‖y − A·x‖² after each batch,
 * fed by the learner's listener) and, from it, the model folder's content ({@link Model} with its
 * {@link ModelInfo}).
 *
 * @since 0.1
 */
public final class TrainingRecord {
    private final DictionaryLearner learner;
    private final List<ModelInfo.CurvePoint> curve;

    /**
     * Starts recording the batches {@code learner} trains from now on.
     *
     * @param learner the learner; a listener is added to it
     * @param earlier the curve of the batches trained before (a resumed run), empty for a new run
     */
    public TrainingRecord(DictionaryLearner learner, List<ModelInfo.CurvePoint> earlier) {
        this.learner = learner;
        this.curve = new ArrayList<>(earlier);
        learner.addListener((batch, samples, a, error) -> curve.add(new ModelInfo.CurvePoint(samples, error)));
    }

    /** @return the mean error of the last batch trained, NaN before the first */
    public double lastError() {
        return curve.isEmpty() ? Double.NaN : curve.get(curve.size() - 1).error();
    }

    /**
     * @param prior      the prior G
     * @param method     the method spec
     * @param oracle     the oracle spec, or {@code null}
     * @param update     the update rule spec, or {@code null}
     * @param parameters the run's parameters
     * @param seed       the root seed
     * @param plugins    the providers from plugin jars the model needs
     * @return the model as it stands: a copy of the learner's dictionary, the prior, and the run's
     *         record (curve so far, samples seen, gendict and Java versions)
     */
    public Model model(GenerativePrior prior, String method, String oracle, String update,
                       Map<String, String> parameters, long seed, List<ModelInfo.Plugin> plugins) {
        String version = TrainingRecord.class.getPackage().getImplementationVersion();
        ModelInfo info = new ModelInfo(method, oracle, update, parameters, seed, learner.samplesSeen(),
                version == null ? "dev" : version, Runtime.version().toString(), curve, plugins);
        return new Model(learner.dictionary().copy(), prior, info);
    }
}
