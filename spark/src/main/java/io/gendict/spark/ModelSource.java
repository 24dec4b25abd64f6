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
 * @param folder   the shipped model folder
 * @param registry the executor registry (for the model's prior, oracle and rule)
 */
record ModelSource(ShippedFolder folder, ExecutorRegistry registry) implements Serializable {
    private static final Map<ModelSource, ModelStore.Loaded> LOADED = new ConcurrentHashMap<>();

    /** @return the verified model and its checksum */
    ModelStore.Loaded loaded() {
        return LOADED.computeIfAbsent(this, k -> ModelStore.load(folder.resolve(), registry.registry()));
    }

    /** @return a fresh learner for coding, its dictionary as saved */
    DictionaryLearner learner() {
        return Methods.forInference(loaded().model(), registry.registry(), 1);
    }
}
