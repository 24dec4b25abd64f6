package io.gendict.priors.vae;

import io.gendict.core.io.Idx;
import org.ejml.data.DMatrixRMaj;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Measurement harness, not a test: trains the default VAE on an MNIST-format data set and prints the
 * train and test loss (mean negative ELBO, nats per image) and the wall time of each epoch.
 *
 * <pre>
 * java -cp … io.gendict.priors.vae.VaeTrainingBench [dir=/usr/share/datasets/fashion-mnist]
 *      [epochs=10] [threads=2] [seed=1] [shardRows=64] [limit=60000]
 * </pre>
 */
public final class VaeTrainingBench {
    private VaeTrainingBench() {
    }

    /** @param args {@code key=value} pairs, see the class comment */
    public static void main(String[] args) {
        String dir = "/usr/share/datasets/fashion-mnist";
        int epochs = 10;
        int threads = 2;
        long seed = 1;
        int shardRows = 64;
        int limit = Integer.MAX_VALUE;
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            switch (kv[0]) {
                case "dir" -> dir = kv[1];
                case "epochs" -> epochs = Integer.parseInt(kv[1]);
                case "threads" -> threads = Integer.parseInt(kv[1]);
                case "seed" -> seed = Long.parseLong(kv[1]);
                case "shardRows" -> shardRows = Integer.parseInt(kv[1]);
                case "limit" -> limit = Integer.parseInt(kv[1]);
                default -> throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        DMatrixRMaj train = readImages(Path.of(dir, "train-images-idx3-ubyte.gz"), limit);
        DMatrixRMaj test = readImages(Path.of(dir, "t10k-images-idx3-ubyte.gz"), Integer.MAX_VALUE);
        VaeConfig config = VaeConfig.builder().epochs(epochs).threads(threads).seed(seed).shardRows(shardRows).build();
        System.out.printf(Locale.ROOT, "data %s: train %d×%d, test %d×%d; %s; kernel %s%n", dir, train.numRows,
                train.numCols, test.numRows, test.numCols, config, io.gendict.core.kernel.Kernels.get().name());
        long[] last = {System.nanoTime()};
        long begin = last[0];
        VaeModel model = new VaeTrainer().train(train, config, (epoch, meanLoss, snapshot) -> {
            long now = System.nanoTime();
            double testLoss = snapshot.evaluate(test);
            System.out.printf(Locale.ROOT, "epoch %2d  train %.2f  test %.2f  time %.1f s%n", epoch, meanLoss,
                    testLoss, (now - last[0]) / 1e9);
            last[0] = System.nanoTime();
        });
        System.out.printf(Locale.ROOT, "final test %.2f, total %.1f s%n", model.evaluate(test),
                (System.nanoTime() - begin) / 1e9);
    }

    /** Reads an IDX uint8 image file (magic 2051) into N×(rows·cols) with values byte/255. */

    private static DMatrixRMaj readImages(Path path, int limit) {
        return Idx.readImages(path, limit, false);
    }
}
