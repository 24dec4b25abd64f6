package io.gendict.spark;

import io.gendict.core.learn.LearnerStreams;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DecodeResult;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.Registry;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.io.Serializable;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an executor needs to decode its part of a batch: the registry's description, the prior and
 * oracle specs, the seed and the shapes. The prior and oracle are built from the specs on the
 * executor, once per JVM. Decoding a {@link Block}'s chunks of a batch with the streams of
 * {@link LearnerStreams#chunks} gives exactly the local learner's codes.
 *
 * @param registry the executor registry
 * @param prior    the prior spec
 * @param oracle   the oracle spec
 * @param seed     the run's root seed
 * @param m        data dimension
 * @param n        atoms (the prior's output dimension)
 */
record ChunkDecoder(ExecutorRegistry registry, String prior, String oracle, long seed, int m, int n)
        implements Serializable {
    private record Built(GenerativePrior prior, DecodeOracle oracle) {
    }

    private static final Map<ChunkDecoder, Built> BUILT = new ConcurrentHashMap<>();

    private Built built() {
        return BUILT.computeIfAbsent(this, k -> {
            Registry r = registry.registry();
            return new Built(r.prior(prior), r.oracle(oracle));
        });
    }

    /**
     * Decodes the rows of batch positions [from, to) that {@code block} holds, chunk by chunk, and
     * adds them to the sums in one product over all of them.
     *
     * @param block the partition's rows
     * @param from  the batch's first epoch position
     * @param to    one past its last
     * @param batch the learner's batch index
     * @param round the 1-based round
     * @param a     the m×n dictionary, row-major. Not modified.
     * @param sums  accumulates the decoded rows. Modified.
     * @return {@code sums}
     */
    Sums decode(Block block, int from, int to, int batch, int round, double[] a, Sums sums) {
        int lo = block.lowerBound(from);
        int hi = block.lowerBound(to);
        if (lo == hi) {
            return sums;
        }
        int[] pos = block.positions();
        int first = (pos[lo] - from) / LearnerStreams.CHUNK;
        int last = (pos[hi - 1] - from) / LearnerStreams.CHUNK;
        SplittableRandom[] streams = new LearnerStreams(seed).chunks(batch, round, first, last + 1);
        Built b = built();
        DMatrixRMaj dictionary = DMatrixRMaj.wrap(m, n, a);
        DMatrixRMaj y = new DMatrixRMaj(hi - lo, m);
        block.copyRows(lo, hi, y.data);
        DMatrixRMaj x = new DMatrixRMaj(hi - lo, n);
        double[] objective = new double[hi - lo];
        for (int i = lo; i < hi; ) {
            int chunk = (pos[i] - from) / LearnerStreams.CHUNK;
            int j = i;
            while (j < hi && (pos[j] - from) / LearnerStreams.CHUNK == chunk) {
                j++;
            }
            DMatrixRMaj yc = CommonOps_DDRM.extract(y, i - lo, j - lo, 0, m);
            DecodeResult r = b.oracle().decode(dictionary, b.prior(), yc, null, streams[chunk - first]);
            DMatrixRMaj xc = new DMatrixRMaj(j - i, n);
            b.prior().forward(r.z(), xc);
            System.arraycopy(xc.data, 0, x.data, (i - lo) * n, (j - i) * n);
            System.arraycopy(r.objective(), 0, objective, i - lo, j - i);
            i = j;
        }
        sums.add(y, x, objective);
        return sums;
    }
}
