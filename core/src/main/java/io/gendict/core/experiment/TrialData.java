package io.gendict.core.experiment;

import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;

import java.util.List;
import java.util.Optional;

/**
 * The data of one trial: a stream of fresh training batches, a fixed test set, the prior and the
 * initial dictionary every method starts from. Two instances created from the same seed produce
 * the same batches, so every method of a trial sees the same data.
 *
 * @since 0.1
 */
public interface TrialData {
    /** @return the data dimension m */
    int dimension();

    /** @return the generative prior G of the experiment */
    GenerativePrior prior();

    /** @return the m×n initial dictionary A0 (a fresh copy) */
    DMatrixRMaj initialDictionary();

    /**
     * @param size samples in the batch
     * @return the next fresh B×m training batch; batches are never reused
     */
    DMatrixRMaj nextTrainingBatch(int size);

    /** @return the test batches, identical on every call */
    List<TestBatch> testBatches();

    /**
     * @return the m×n ground-truth dictionary A* the data were made with (synthetic data), or empty
     * where there is none (images)
     */
    default Optional<DMatrixRMaj> trueDictionary() {
        return Optional.empty();
    }
}
