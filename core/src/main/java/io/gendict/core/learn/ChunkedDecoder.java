package io.gendict.core.learn;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DecodeResult;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * Decodes a batch in fixed chunks (of {@value #CHUNK} rows unless told otherwise), each with its own
 * random stream split in chunk order ({@link LearnerStreams#chunks}), on up to {@code threads}
 * workers. Because the chunking and the streams do not depend on the thread count, the result is
 * bit-identical for any number of threads.
 */
final class ChunkedDecoder {
    static final int CHUNK = LearnerStreams.CHUNK;
    private final DecodeOracle oracle;
    private final int threads;
    private final int chunk;
    private ForkJoinPool pool;

    ChunkedDecoder(DecodeOracle oracle, int threads) {
        this(oracle, threads, CHUNK);
    }

    /**
     * @param chunk rows per chunk: larger chunks suit oracles with a per-call setup cost
     */
    ChunkedDecoder(DecodeOracle oracle, int threads, int chunk) {
        this.oracle = oracle;
        this.threads = Math.max(1, threads);
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
        int rows = y.numRows;
        int chunks = (rows + chunk - 1) / chunk;
        List<DMatrixRMaj> parts = new ArrayList<>(chunks);
        List<SplittableRandom> streams = List.of(LearnerStreams.chunkStreams(rng, 0, chunks));
        for (int c = 0; c < chunks; c++) {
            parts.add(CommonOps_DDRM.extract(y, c * chunk, Math.min(rows, (c + 1) * chunk), 0, y.numCols));
        }
        List<DecodeResult> results = new ArrayList<>(chunks);
        if (threads == 1 || chunks == 1) {
            for (int c = 0; c < chunks; c++) {
                results.add(oracle.decode(a, prior, parts.get(c), null, streams.get(c)));
            }
        } else {
            List<Future<DecodeResult>> futures = new ArrayList<>(chunks);
            for (int c = 0; c < chunks; c++) {
                DMatrixRMaj part = parts.get(c);
                SplittableRandom stream = streams.get(c);
                futures.add(pool().submit(() -> oracle.decode(a, prior, part, null, stream)));
            }
            for (Future<DecodeResult> f : futures) {
                results.add(join(f));
            }
        }
        return merge(results, rows, prior.latentDim());
    }

    private synchronized ForkJoinPool pool() {
        if (pool == null) {
            pool = new ForkJoinPool(threads);
        }
        return pool;
    }

    private static DecodeResult join(Future<DecodeResult> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GendictException(ErrorKind.NUMERICAL_FAILURE, "decode interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new GendictException(ErrorKind.NUMERICAL_FAILURE, "decode failed: " + e.getCause(), e.getCause());
        }
    }

    private static DecodeResult merge(List<DecodeResult> results, int rows, int k) {
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
