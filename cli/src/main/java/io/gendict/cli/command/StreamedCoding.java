package io.gendict.cli.command;

import io.gendict.cli.support.ModelInput;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.MemoryBudget;
import io.gendict.core.eval.ReconstructionError;
import io.gendict.core.io.AtomicFiles;
import io.gendict.core.io.NpyRowWriter;
import io.gendict.core.spi.BlockEncoder;
import io.gendict.core.spi.Codes;
import io.gendict.core.spi.DictionaryLearner;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The coding commands' work on samples that need not fit in memory: samples are read block by block
 * ({@link SampleBlocks}), coded with one {@link BlockEncoder}, and N×m reconstructions written block
 * by block ({@link NpyRowWriter}) to a temporary file moved into place at the end. Only the codes
 * (N×k, checked against the {@link MemoryBudget}) are held whole. Every result equals bit for bit
 * that of coding all samples at once.
 *
 * @since 0.1
 */
final class StreamedCoding {
    private StreamedCoding() {
    }

    /**
     * Codes every sample.
     *
     * @param learner the model's learner
     * @param samples the samples
     * @return their codes, N rows
     */
    static Codes encode(DictionaryLearner learner, SampleBlocks samples) {
        BlockEncoder coder = learner.blockEncoder();
        Collector all = new Collector(samples);
        samples.forEach((first, block) -> all.put(first, coder.encode(block)));
        return all.codes;
    }

    /**
     * Writes the reconstructions Ŷ = A·x̂ of codes as an N×m float64 .npy, atomically.
     *
     * @param out     the target
     * @param learner the model's learner
     * @param codes   N codes. Not modified.
     */
    static void writeReconstruction(Path out, DictionaryLearner learner, Codes codes) {
        int rows = codes.values().numRows;
        int m = learner.dictionary().numRows;
        int step = SampleBlocks.rowsPerBlock(m);
        AtomicFiles.write(out, o -> {
            NpyRowWriter writer = new NpyRowWriter(o, rows, m);
            for (int first = 0; first < rows; first += step) {
                writer.write(ModelInput.reconstruct(learner, rows(codes, first, Math.min(step, rows - first))));
            }
            writer.finish();
        });
    }

    /**
     * Writes decode(encode(Y)) as an N×m float64 .npy, atomically.
     *
     * @param out     the target
     * @param learner the model's learner
     * @param samples Y
     * @return the distances between the samples and their projections
     */
    static Distances denoise(Path out, DictionaryLearner learner, SampleBlocks samples) {
        BlockEncoder coder = learner.blockEncoder();
        Distances distances = new Distances();
        AtomicFiles.write(out, o -> {
            NpyRowWriter writer = new NpyRowWriter(o, samples.rows(), samples.cols());
            samples.forEach((first, block) -> {
                DMatrixRMaj yHat = ModelInput.reconstruct(learner, coder.encode(block));
                distances.add(block, yHat);
                writer.write(yHat);
            });
            writer.finish();
        });
        return distances;
    }

    /**
     * Compares samples with the reconstructions of their codes.
     *
     * @param learner the model's learner
     * @param codes   the samples' codes, N rows. Not modified.
     * @param samples the samples
     * @return the distances
     */
    static Distances compare(DictionaryLearner learner, Codes codes, SampleBlocks samples) {
        Distances distances = new Distances();
        samples.forEach((first, block) ->
                distances.add(block, ModelInput.reconstruct(learner, rows(codes, first, block.numRows))));
        return distances;
    }

    /** @return rows {@code from .. from + count - 1} of the codes, copied */
    static Codes rows(Codes codes, int from, int count) {
        DMatrixRMaj v = codes.values();
        DMatrixRMaj values = CommonOps_DDRM.extract(v, from, from + count, 0, v.numCols);
        return new Codes(values, codes.sparse()
                ? Arrays.copyOfRange(codes.indices(), from * v.numCols, (from + count) * v.numCols) : null);
    }

    /** Sums over samples, in row order, of how far reconstructions lie from them. */
    static final class Distances {
        private long rows;
        private double rowDistances;
        private double squaredDifference;
        private double squaredNorm;

        /**
         * @param y    B×m samples. Not modified.
         * @param yHat B×m reconstructions. Not modified.
         */
        void add(DMatrixRMaj y, DMatrixRMaj yHat) {
            for (double d : ReconstructionError.rowDistances(yHat, y)) {
                rowDistances += d;
            }
            for (int i = 0; i < y.numRows * y.numCols; i++) {
                double d = y.data[i] - yHat.data[i];
                squaredDifference += d * d;
                squaredNorm += y.data[i] * y.data[i];
            }
            rows += y.numRows;
        }

        /** @return (1/N) Σ_i ‖y_i − ŷ_i‖ */
        double mean() {
            return rows == 0 ? 0 : rowDistances / rows;
        }

        /** @return ‖Y − Ŷ‖_F / ‖Y‖_F, 0 for an all-zero Y */
        double relative() {
            return squaredNorm == 0 ? 0 : Math.sqrt(squaredDifference / squaredNorm);
        }
    }

    /** Gathers the codes of consecutive blocks into one N-row {@link Codes}. */
    private static final class Collector {
        private final SampleBlocks samples;
        private Codes codes;

        Collector(SampleBlocks samples) {
            this.samples = samples;
        }

        void put(int first, Codes block) {
            DMatrixRMaj v = block.values();
            int cols = v.numCols;
            if (codes == null) {
                MemoryBudget.require(ErrorKind.INVALID_INPUT, "the codes of " + samples.rows() + " samples ("
                        + samples.rows() + "×" + cols + ")", MemoryBudget.product(samples.rows(), cols,
                        Double.BYTES + (block.sparse() ? Integer.BYTES : 0)));
                codes = new Codes(new DMatrixRMaj(samples.rows(), cols), block.sparse() ? new int[samples.rows() * cols] : null);
            }
            System.arraycopy(v.data, 0, codes.values().data, first * cols, v.numRows * cols);
            if (block.sparse()) {
                System.arraycopy(block.indices(), 0, codes.indices(), first * cols, v.numRows * cols);
            }
        }
    }
}
