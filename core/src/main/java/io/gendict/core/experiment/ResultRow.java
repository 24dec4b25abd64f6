package io.gendict.core.experiment;

/**
 * One evaluation of one method after one training batch of one trial.
 *
 * @param method       method name
 * @param trial        0-based trial
 * @param batch        0-based training batch just consumed
 * @param samples      training samples seen so far
 * @param testError    the paper's metric on the test set (mean over test batches)
 * @param noisyError   the same metric for the noisy input itself (what doing nothing costs)
 * @param trainSeconds wall seconds spent in training on this batch
 * @since 0.1
 */
public record ResultRow(String method, int trial, int batch, long samples, double testError, double noisyError,
                        double trainSeconds) {
}
