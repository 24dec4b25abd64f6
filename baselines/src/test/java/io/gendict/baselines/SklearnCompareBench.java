package io.gendict.baselines;

import io.gendict.baselines.omp.BatchOmp;
import io.gendict.baselines.omp.SparseCodes;
import io.gendict.core.io.Npy;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.Workers;
import io.gendict.core.param.Params;
import io.gendict.core.spi.BaselineProvider;
import io.gendict.core.spi.Codes;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.LearnerContext;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Java side of bench/sklearn_compare.py (not a test; run by the script): reads Y (B×m),
 * D (m×n) and Dinit (m×n) as little-endian float64 .npy, times gendict's Batch-OMP and online DL
 * on them, writes the codes and learned dictionaries back as .npy and prints {@code key=value}
 * timings. The .npy reading and writing here is a minimal local harness; it should switch to
 * io.gendict.core.io once that is merged.
 */
public final class SklearnCompareBench {
    private SklearnCompareBench() {
    }

    /**
     * @param args data directory, K, batch size, epochs, lasso alpha, repeats
     */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int k = Integer.parseInt(args[1]);
        int batch = Integer.parseInt(args[2]);
        int epochs = Integer.parseInt(args[3]);
        String alpha = args[4];
        int repeats = Integer.parseInt(args[5]);
        DMatrixRMaj y = read(dir.resolve("Y.npy"));
        DMatrixRMaj d = read(dir.resolve("D.npy"));
        DMatrixRMaj init = read(dir.resolve("Dinit.npy"));
        for (int threads : new int[]{1, 2}) {
            Workers workers = new Workers(threads);
            Codes codes = null;
            double best = Double.MAX_VALUE;
            double bestCoding = Double.MAX_VALUE;
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                BatchOmp omp = new BatchOmp(d);
                long t1 = System.nanoTime();
                codes = omp.encode(y, k, 0, workers, null);
                long t2 = System.nanoTime();
                best = Math.min(best, (t2 - t0) / 1e9);
                bestCoding = Math.min(bestCoding, (t2 - t1) / 1e9);
            }
            System.out.println("omp_time_t" + threads + "=" + best);
            System.out.println("omp_coding_time_t" + threads + "=" + bestCoding);
            DMatrixRMaj x = new DMatrixRMaj(1, 1);
            SparseCodes.scatter(codes, d.numCols, x);
            write(dir.resolve("X_gendict.npy"), x);
        }
        double product = Double.MAX_VALUE;
        DMatrixRMaj a0 = new DMatrixRMaj(y.numRows, d.numCols);
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            Kernels.get().gemm(false, false, 1.0, y, d, 0.0, a0);
            product = Math.min(product, (System.nanoTime() - t0) / 1e9);
        }
        System.out.println("product_time=" + product);
        for (String coder : new String[]{"lasso", "omp"}) {
            BaselineProvider provider = Providers.byName("online-dl");
            Map<String, Object> raw = new LinkedHashMap<>();
            raw.put("atoms", Integer.toString(d.numCols));
            raw.put("sparsity", Integer.toString(k));
            raw.put("coder", coder);
            raw.put("alpha", alpha);
            raw.put("mu-threshold", "1");
            Params params = provider.parameters().validate("online-dl", raw);
            DictionaryLearner learner = provider.create(params, new LearnerContext(y.numCols, null, init, 0, 1));
            long t0 = System.nanoTime();
            for (int e = 0; e < epochs; e++) {
                for (int b = 0; b < y.numRows; b += batch) {
                    learner.fit(CommonOps_DDRM.extract(y, b, Math.min(y.numRows, b + batch), 0, y.numCols));
                }
            }
            System.out.println("odl_" + coder + "_time=" + (System.nanoTime() - t0) / 1e9);
            write(dir.resolve("D_gendict_" + coder + ".npy"), learner.dictionary());
        }
    }

    private static DMatrixRMaj read(Path path) {
        return Npy.readMatrix(path);
    }

    private static void write(Path path, DMatrixRMaj m) {
        Npy.write(path, m);
    }
}
