package io.gendict.spark;

import io.gendict.cli.support.ModelInput;
import io.gendict.core.codec.CodeContainer;
import io.gendict.core.eval.Quantizer;
import io.gendict.core.eval.ReconstructionError;
import io.gendict.core.spi.Codes;
import io.gendict.core.spi.DictionaryLearner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Encode, denoise and compress as distributed jobs: each partition rebuilds the model's learner
 * ({@link ModelSource}) and runs the local code path of {@code gendict encode}, {@code denoise} and
 * {@code compress} on its rows. Results are DataFrames keyed by the sample index. The random starts
 * of a decode are drawn per partition from the model's seed, so codes depend on how the rows are
 * partitioned (not for priors whose decode is exact, e.g. with linear features); with one partition
 * they equal {@code gendict encode}'s.
 *
 * @since 0.1
 */
public final class SparkCoding {
    /** Column of the sample index. */
    public static final String INDEX = "index";
    /** Column of dense codes and of reconstructions. */
    public static final String VALUES = "values";
    /** Column of the atom indices of sparse codes (-1 for an unused slot); null for dense codes. */
    public static final String ATOMS = "atoms";

    private SparkCoding() {
    }

    /** What a compress job wrote and measured. */
    public record Compressed(Dataset<Row> containers, long samples, long bytes, double meanError, int m) {
        /** @return bits per sample */
        public double bitsPerSample() {
            return bytes * 8.0 / samples;
        }

        /** @return the compression ratio against float32 samples */
        public double ratio() {
            return (double) samples * m * 4 / bytes;
        }
    }

    /**
     * @param spark     the session
     * @param data      the samples
     * @param model     the model on the executors
     * @param quantizer how precisely codes are kept
     * @return (index, values, atoms) per sample
     */
    public static Dataset<Row> encode(SparkSession spark, Samples data, ModelSource model, Quantizer quantizer) {
        String q = quantizer.describe();
        JavaRDD<Row> rows = data.rows().mapPartitions(it -> {
            Part part = Part.of(it);
            if (part.isEmpty()) {
                return List.<Row>of().iterator();
            }
            Codes codes = model.learner().encode(part.y());
            Quantizer.parse(q).quantize(codes.values());
            return part.rows(codes.values(), codes.indices(), true);
        });
        return SparkJobs.run("encoding", () -> spark.createDataFrame(rows, schema(true)).cache());
    }

    /**
     * @param spark the session
     * @param data  the samples
     * @param model the model on the executors
     * @return (index, values) per sample: decode(encode(y))
     */
    public static Dataset<Row> denoise(SparkSession spark, Samples data, ModelSource model) {
        JavaRDD<Row> rows = data.rows().mapPartitions(it -> {
            Part part = Part.of(it);
            if (part.isEmpty()) {
                return List.<Row>of().iterator();
            }
            DictionaryLearner learner = model.learner();
            return part.rows(ModelInput.reconstruct(learner, learner.encode(part.y())), null, false);
        });
        return SparkJobs.run("denoising", () -> spark.createDataFrame(rows, schema(false)).cache());
    }

    /**
     * Compresses each partition into one {@code gendict compress} container (the model's checksum
     * inside), and measures the reconstruction error from the stored codes.
     *
     * @param spark     the session
     * @param data      the samples
     * @param model     the model on the executors
     * @param quantizer how codes are quantized
     * @return the containers (first index, rows, bytes) and the totals
     */
    public static Compressed compress(SparkSession spark, Samples data, ModelSource model, Quantizer quantizer) {
        String q = quantizer.describe();
        JavaRDD<Row> rows = data.rows().mapPartitions(it -> {
            Part part = Part.of(it);
            if (part.isEmpty()) {
                return List.<Row>of().iterator();
            }
            DictionaryLearner learner = model.learner();
            byte[] checksum = model.loaded().checksum();
            byte[] bytes = CodeContainer.encode(learner.encode(part.y()), learner.dictionary().numCols, Quantizer.parse(q), checksum);
            Codes stored = CodeContainer.decode(bytes, "partition", checksum).codes();
            double error = ReconstructionError.meanRowDistance(ModelInput.reconstruct(learner, stored), part.y());
            return List.of(RowFactory.create(part.first(), part.size(), bytes, error * part.size())).iterator();
        });
        StructType schema = new StructType().add("first_index", DataTypes.LongType).add("rows", DataTypes.IntegerType)
                .add("container", DataTypes.BinaryType).add("error_sum", DataTypes.DoubleType);
        Dataset<Row> containers = SparkJobs.run("compressing", () -> spark.createDataFrame(rows, schema).cache());
        Row totals = SparkJobs.run("compressing", () -> containers.selectExpr("sum(rows)", "sum(length(container))",
                "sum(error_sum)").first());
        long samples = totals.getLong(0);
        return new Compressed(containers.drop("error_sum"), samples, totals.getLong(1), totals.getDouble(2) / samples, data.m());
    }

    private static StructType schema(boolean withAtoms) {
        StructType s = new StructType().add(INDEX, DataTypes.LongType)
                .add(VALUES, DataTypes.createArrayType(DataTypes.DoubleType));
        return withAtoms ? s.add(ATOMS, DataTypes.createArrayType(DataTypes.IntegerType), true) : s;
    }

    /** The rows of one partition as a matrix, with their indices. */
    private record Part(long[] index, DMatrixRMaj y) {
        static Part of(Iterator<Sample> it) {
            List<Sample> list = new ArrayList<>();
            it.forEachRemaining(list::add);
            int m = list.isEmpty() ? 0 : list.get(0).values().length;
            DMatrixRMaj y = new DMatrixRMaj(list.size(), m);
            long[] index = new long[list.size()];
            for (int i = 0; i < index.length; i++) {
                index[i] = list.get(i).index();
                System.arraycopy(list.get(i).values(), 0, y.data, i * m, m);
            }
            return new Part(index, y);
        }

        boolean isEmpty() {
            return index.length == 0;
        }

        int size() {
            return index.length;
        }

        long first() {
            return index[0];
        }

        Iterator<Row> rows(DMatrixRMaj values, int[] atoms, boolean atomsColumn) {
            int k = values.numCols;
            List<Row> out = new ArrayList<>(index.length);
            for (int i = 0; i < index.length; i++) {
                double[] v = Arrays.copyOfRange(values.data, i * k, (i + 1) * k);
                int[] a = atoms == null ? null : Arrays.copyOfRange(atoms, i * k, (i + 1) * k);
                out.add(atomsColumn ? RowFactory.create(index[i], v, a) : RowFactory.create(index[i], v));
            }
            return out.iterator();
        }
    }
}
