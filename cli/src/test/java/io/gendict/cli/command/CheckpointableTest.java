package io.gendict.cli.command;

import com.google.inject.Guice;
import io.gendict.cli.support.PluginEnvironment;
import io.gendict.core.data.SyntheticSource;
import io.gendict.core.model.Methods;
import io.gendict.core.spi.Checkpointable;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.Registry;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Every method's learner, restored from the state it exported after some batches into a fresh
 * learner, continues bit for bit like the learner that never stopped.
 */
class CheckpointableTest {
    private static final Registry REGISTRY = new PluginEnvironment(Guice.createInjector()).injector(null)
            .getInstance(Registry.class);

    @ParameterizedTest
    @ValueSource(strings = {"fast", "altmin", "algorithm1", "autodiff", "mod:atoms=20,sparsity=3",
            "online-dl:atoms=20,sparsity=3", "ksvd:atoms=20,sparsity=3"})
    void restoredLearnersContinueBitForBit(String method) {
        GenerativePrior prior = REGISTRY.prior("group-sparsity:n=30,k=3");
        SyntheticSource source = SyntheticSource.builder(prior, 12, 7).sigma(0.05).build();
        List<DMatrixRMaj> batches = new ArrayList<>();
        for (int b = 0; b < 5; b++) {
            batches.add(source.next(20).y());
        }
        String oracle = method.equals("autodiff") ? "adam:iterations=20" : null;
        LearnerContext context = new LearnerContext(12, prior, null, 3, 2);
        DictionaryLearner reference = create(method, oracle, context);
        DictionaryLearner first = create(method, oracle, context);
        for (int b = 0; b < batches.size(); b++) {
            reference.fit(batches.get(b));
            if (b < 2) {
                first.fit(batches.get(b));
            }
        }
        Map<String, DMatrixRMaj> state = assertInstanceOf(Checkpointable.class, first).state();
        DictionaryLearner resumed = create(method, oracle, context);
        ((Checkpointable) resumed).restore(state);
        for (int b = 2; b < batches.size(); b++) {
            resumed.fit(batches.get(b));
        }
        assertEquals(reference.samplesSeen(), resumed.samplesSeen());
        assertArrayEquals(reference.dictionary().data, resumed.dictionary().data, 0.0);
    }

    private static DictionaryLearner create(String method, String oracle, LearnerContext context) {
        if (method.equals("autodiff")) {
            return new io.gendict.core.learn.AutodiffLearner(REGISTRY.oracle(oracle), context,
                    new io.gendict.core.learn.AutodiffLearner.Options(1e-2, 1e-3, 30));
        }
        return Methods.create(method, oracle, null, context, REGISTRY);
    }
}
