package io.gendict.core.learn;

import io.gendict.core.kernel.Workers;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DecodeResult;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.SplittableRandom;

/**
 * Decodes a batch in fixed chunks (of {@value #CHUNK} rows unless told otherwise), each with its own
 * random stream split in chunk order ({@link LearnerStreams#chunks}), on up to {@code threads}
 * workers. Because the chunking and the streams do not depend on the thread count, the result is
 * bit-identical for any number of threads.
 */
final class ChunkedDecoder {
    static final int CHUNK = LearnerStreams.CHUNK;
    private final DecodeOracle oracle;
    private final Workers workers;
    private final int chunk;

    ChunkedDecoder(DecodeOracle oracle, int threads) {
        this(oracle, threads, CHUNK);
    }

    /**
     * @param chunk rows per chunk: larger chunks suit oracles with a per-call setup cost
     */
    ChunkedDecoder(DecodeOracle oracle, int threads, int chunk) {
        this.oracle = oracle;
        this.workers = new Workers(threads);
        this.chunk = chunk;
    }

    /**
     * @param a     m×n dictionary. Not modified.
     * @param prior the prior
     * @param y     B×m batch. Not modified.
     * @param rng   split once per chunk. Modified.
     * @return the decoded batch, starts drawn by the oracle from p_z
     */
    DecodeResult decode(DMatrixRMaj a, GenerativePrior prior, DMatrixRMaj y, SplittableRandom rng) {
        return decode(a, prior, y, rng, null);
    }

    /**
     * Decodes as {@link #decode(DMatrixRMaj, GenerativePrior, DMatrixRMaj, SplittableRandom)} and also
     * evaluates G at each chunk's codes on the chunk's worker, so that the forward pass is split
     * between the threads too.
     *
     * @param x B×n, overwritten with G(ẑ) row by row; {@code null} for none
     */
    DecodeResult decode(DMatrixRMaj a, GenerativePrior prior, DMatrixRMaj y, SplittableRandom rng, DMatrixRMaj x) {
        return decode(a, prior, y, null, rng, x);
    }

    /**
     * Decodes as {@link #decode(DMatrixRMaj, GenerativePrior, DMatrixRMaj, SplittableRandom, DMatrixRMaj)}
     * from given starting latents.
     *
     * @param start B×k starts, or {@code null} for starts drawn by the oracle from p_z. Not modified.
     */
    DecodeResult decode(DMatrixRMaj a, GenerativePrior prior, DMatrixRMaj y, DMatrixRMaj start, SplittableRandom rng,
                        DMatrixRMaj x) {
        int rows = y.numRows;
        int chunks = (rows + chunk - 1) / chunk;
        DMatrixRMaj[] parts = new DMatrixRMaj[chunks];
        SplittableRandom[] streams = LearnerStreams.chunkStreams(rng, 0, chunks);
        for (int c = 0; c < chunks; c++) {
            parts[c] = CommonOps_DDRM.extract(y, c * chunk, Math.min(rows, (c + 1) * chunk), 0, y.numCols);
        }
        DecodeResult[] results = new DecodeResult[chunks];
        workers.run(chunks, c -> {
            DMatrixRMaj starts = start == null ? null
                    : CommonOps_DDRM.extract(start, c * chunk, Math.min(rows, (c + 1) * chunk), 0, start.numCols);
            results[c] = oracle.decode(a, prior, parts[c], starts, streams[c]);
            if (x != null) {
                DMatrixRMaj xc = new DMatrixRMaj(parts[c].numRows, prior.outputDim());
                prior.forward(results[c].z(), xc);
                System.arraycopy(xc.data, 0, x.data, c * chunk * xc.numCols, xc.data.length);
            }
        }, "decode");
        return merge(results, rows, prior.latentDim());
    }

    private static DecodeResult merge(DecodeResult[] results, int rows, int k) {
        DMatrixRMaj z = new DMatrixRMaj(rows, k);
        double[] objective = new double[rows];
        int[] iterations = new int[rows];
        boolean[] converged = new boolean[rows];
        int row = 0;
        for (DecodeResult r : results) {
            int n = r.z().numRows;
            System.arraycopy(r.z().data, 0, z.data, row * k, n * k);
            System.arraycopy(r.objective(), 0, objective, row, n);
            System.arraycopy(r.iterations(), 0, iterations, row, n);
            System.arraycopy(r.converged(), 0, converged, row, n);
            row += n;
        }
        return new DecodeResult(z, objective, iterations, converged);
    }
}
