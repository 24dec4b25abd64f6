package io.gendict.priors;

import io.gendict.core.kernel.Kernels;
import io.gendict.core.spi.Gaussian;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Measures forward + VJP throughput (samples per second) of {@code group-sparsity} (n=300, k=10)
 * and of a 20→400 {@code mlp} slice of a 20→400→784 decoder, batch 30, per CPU-second of the
 * measuring thread (robust to a busy machine) and per wall second. Not a test; run its main:
 * <pre>
 * mvn -q -o -pl priors -am test-compile
 * CP=$(find ~/.m2/repository/org/ejml -name '*0.46.1.jar' | tr '\n' ':')$HOME/.m2/repository/com/google/code/gson/gson/2.13.2/gson-2.13.2.jar
 * java -cp priors/target/test-classes:priors/target/classes:core/target/classes:$CP \
 *      io.gendict.priors.PriorThroughputBench
 * </pre>
 */
public final class PriorThroughputBench {
    private static final int BATCH = 30;
    private static final double SECONDS = 5;
    private static final int WARMUP = 20_000;

    private PriorThroughputBench() {
    }

    /**
     * @param args ignored
     * @throws IOException when the temporary weight file cannot be written
     */
    public static void main(String[] args) throws IOException {
        SplittableRandom rng = new SplittableRandom(1);
        GenerativePrior group = PriorTesting.create(new GroupSparsityPriorProvider(), "group-sparsity:n=300,k=10,p=0.6");
        Path file = Files.createTempFile("decoder", ".npz");
        Map<String, DMatrixRMaj> decoder = new LinkedHashMap<>();
        decoder.put("fc3.weight", gaussian(rng, 400, 20, 1 / Math.sqrt(20)));
        decoder.put("fc3.bias", gaussian(rng, 1, 400, 0.1));
        decoder.put("fc4.weight", gaussian(rng, 784, 400, 1 / Math.sqrt(400)));
        decoder.put("fc4.bias", gaussian(rng, 1, 784, 0.1));
        NpzTestFiles.write(file, decoder);
        GenerativePrior mlp = PriorTesting.create(new MlpPriorProvider(), "mlp:path=" + file + ",activations=relu,sigmoid,layers=1");
        Files.delete(file);
        System.out.printf("kernels: %s, batch %d, Java %s%n", Kernels.get().name(), BATCH, Runtime.version());
        report("group-sparsity n=300 k=10", group, rng);
        report("mlp 20->400 slice (relu)", mlp, rng);
    }

    private static void report(String label, GenerativePrior prior, SplittableRandom rng) {
        DMatrixRMaj z = gaussian(rng, BATCH, prior.latentDim(), 1);
        DMatrixRMaj dx = gaussian(rng, BATCH, prior.outputDim(), 1);
        DMatrixRMaj x = new DMatrixRMaj(BATCH, prior.outputDim());
        DMatrixRMaj dz = new DMatrixRMaj(BATCH, prior.latentDim());
        for (int i = 0; i < WARMUP; i++) {
            prior.forward(z, x);
            prior.vjp(z, dx, dz);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        long samples = run(prior, z, dx, x, dz, SECONDS);
        double wallRate = samples / ((System.nanoTime() - wall) / 1e9);
        double cpuRate = samples / ((threads.getCurrentThreadCpuTime() - cpu) / 1e9);
        System.out.printf("%-28s forward+VJP: %,.0f samples/s per CPU-second (%,.0f per wall second; %.2f µs CPU per batch of %d)%n",
                label, cpuRate, wallRate, 1e6 * BATCH / cpuRate, BATCH);
    }

    /** @return samples processed (forward + VJP) in about {@code seconds} of wall time */
    private static long run(GenerativePrior prior, DMatrixRMaj z, DMatrixRMaj dx, DMatrixRMaj x, DMatrixRMaj dz, double seconds) {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long batches = 0;
        double sink = 0;
        long now;
        do {
            for (int i = 0; i < 100; i++) {
                prior.forward(z, x);
                prior.vjp(z, dx, dz);
                sink += x.data[0] + dz.data[0];
            }
            batches += 100;
            now = System.nanoTime();
        } while (now < end);
        if (Double.isNaN(sink)) {
            System.out.println("NaN");
        }
        return batches * BATCH;
    }

    private static DMatrixRMaj gaussian(SplittableRandom rng, int rows, int cols, double scale) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.getNumElements(); i++) {
            m.data[i] = scale * Gaussian.next(rng);
        }
        return m;
    }
}
