package io.gendict.core.experiment;

import io.gendict.core.error.Checks;
import io.gendict.core.eval.Quantizer;

import java.util.List;

/**
 * Settings of the evaluation protocol of docs/algorithms.md §3.
 *
 * @param name          experiment name, e.g. {@code "group-sparsity"}
 * @param methods       method names, in the order they are reported
 * @param trials        independent trials (≥ 1)
 * @param batches       training batches per trial (≥ 1)
 * @param batchSize     samples per training batch (≥ 1)
 * @param testBatches   test batches nB (≥ 1)
 * @param testBatchSize samples per test batch B (≥ 1)
 * @param quantizer     precision the codes are stored at before reconstruction
 * @param seed          root seed
 * @param threads       worker threads a learner may use (≥ 1)
 * @since 0.1
 */
public record ExperimentSettings(String name, List<String> methods, int trials, int batches, int batchSize,
                                 int testBatches, int testBatchSize, Quantizer quantizer, long seed, int threads) {

    /** Validates the ranges. */
    public ExperimentSettings {
        methods = List.copyOf(methods);
        Checks.parameter(!methods.isEmpty(), "--methods: expected at least one method");
        Checks.parameter(trials >= 1, "--trials is " + trials + ", expected >= 1");
        Checks.parameter(batches >= 1, "--batches is " + batches + ", expected >= 1");
        Checks.parameter(batchSize >= 1, "--batch-size is " + batchSize + ", expected >= 1");
        Checks.parameter(testBatches >= 1, "--test-batches is " + testBatches + ", expected >= 1");
        Checks.parameter(testBatchSize >= 1, "--test-batch-size is " + testBatchSize + ", expected >= 1");
        Checks.parameter(threads >= 1, "--threads is " + threads + ", expected >= 1");
    }
}
