package io.gendict.priors.vae;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import org.ejml.data.DMatrixRMaj;

import java.util.SplittableRandom;

/**
 * Trains the MLP VAE of docs/algorithms.md §8 with Adam (§9) on the summed negative ELBO of each
 * mini-batch, as the PyTorch example does. From the root {@code SplittableRandom(seed)} three
 * splits, in this order, draw the initial weights, the per-epoch shuffles (Fisher–Yates) and ε;
 * the same configuration and images give the same model bit for bit, whatever the thread count.
 *
 * @since 0.1
 */
public final class VaeTrainer {

    /**
     * Trains a VAE.
     *
     * @param images   N×inputDim training images with values in [0, 1], one per row. Not modified.
     * @param config   architecture and optimizer settings
     * @param listener told after each batch and each epoch
     * @return the trained model
     * @throws GendictException INVALID_INPUT for a bad image matrix, NUMERICAL_FAILURE when an epoch's
     *                          loss is not finite
     */
    public VaeModel train(DMatrixRMaj images, VaeConfig config, EpochListener listener) {
        config.checkImages("images", images);
        SplittableRandom root = new SplittableRandom(config.seed());
        VaeNetwork net = new VaeNetwork(config, root.split());
        SplittableRandom shuffle = root.split();
        SplittableRandom noise = root.split();
        Adam adam = new Adam(net.parameters(), config.learningRate());
        int n = images.numRows;
        int batch = config.batchSize();
        int batches = (n + batch - 1) / batch;
        int[] order = ShardedPass.identity(n);
        try (ShardedPass pass = new ShardedPass(net, config)) {
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                shuffle(order, shuffle);
                double total = 0;
                for (int b = 0; b < batches; b++) {
                    int from = b * batch;
                    total += pass.run(images, order, from, Math.min(batch, n - from), noise, true);
                    adam.step(pass.gradients());
                    net.refreshTransposes();
                    listener.batchDone(epoch, b + 1, batches);
                }
                if (!Double.isFinite(total)) {
                    throw new GendictException(ErrorKind.NUMERICAL_FAILURE, "VAE training loss in epoch " + epoch
                            + ": expected a finite value, got " + total + " (try a smaller learningRate)");
                }
                listener.epochDone(epoch, total / n, new VaeModel(config, new VaeNetwork(net)));
            }
        }
        return new VaeModel(config, net);
    }

    private static void shuffle(int[] order, SplittableRandom rng) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
