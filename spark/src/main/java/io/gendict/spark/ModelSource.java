package io.gendict.spark;

import io.gendict.core.model.Methods;
import io.gendict.core.model.ModelStore;
import io.gendict.core.spi.DictionaryLearner;

import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A model folder as executors see it: shipped like the plugins, loaded and verified with
 * {@link ModelStore} once per executor JVM, and its learner rebuilt for coding per partition
 * ({@link Methods#forInference}; a learner is stateful, so partitions never share one).
 *
 * @param folder  the shipped model folder
 * @param plugins the shipped plugins folder (for the model's prior, oracle and rule), or {@code null}
 * @since 0.1
 */
public record ModelSource(ShippedFolder folder, ShippedFolder plugins) implements Serializable {
    private static final Map<ModelSource, ModelStore.Loaded> LOADED = new ConcurrentHashMap<>();

    /** @return the verified model and its checksum */
    ModelStore.Loaded loaded() {
        return LOADED.computeIfAbsent(this, k -> ModelStore.load(folder.resolve(), new ExecutorRegistry(plugins).registry()));
    }

    /** @return a fresh learner for coding, its dictionary as saved */
    DictionaryLearner learner() {
        return Methods.forInference(loaded().model(), new ExecutorRegistry(plugins).registry(), 1);
    }
}
