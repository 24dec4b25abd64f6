package io.gendict.priors.vae;

/**
 * Observes {@link VaeTrainer#train}: called after every mini-batch (for progress bars) and after
 * every epoch (for the ELBO printout). Called on the training thread.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface EpochListener {
    /** A listener that ignores every event. */
    EpochListener NONE = (epoch, meanLoss, snapshot) -> { };

    /**
     * Called after each epoch.
     *
     * @param epoch    1-based epoch just finished
     * @param meanLoss training loss of the epoch: Σ over its batches of the summed negative ELBO,
     *                 divided by the number of images (the PyTorch example's "Average loss")
     * @param snapshot a copy of the model after this epoch, e.g. for a test ELBO per epoch
     */
    void epochDone(int epoch, double meanLoss, VaeModel snapshot);

    /**
     * Called after each mini-batch; does nothing by default.
     *
     * @param epoch   1-based epoch
     * @param batch   1-based batch just finished
     * @param batches number of batches per epoch
     */
    default void batchDone(int epoch, int batch, int batches) {
    }
}
