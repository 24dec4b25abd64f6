package io.gendict.spark;

import io.gendict.core.data.SyntheticSource;
import io.gendict.core.error.Checks;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.io.ElementType;
import io.gendict.core.io.Npy;
import io.gendict.core.plugin.PluginLoader;
import io.gendict.core.plugin.PluginRegistry;
import org.apache.spark.sql.Row;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The helpers of {@code spark/cluster/standalone.sh}: {@code spark-synthetic} writes synthetic data
 * to run on, {@code spark-compare} measures how closely a Spark run agrees with {@code gendict learn}
 * and {@code gendict denoise}.
 *
 * @since 0.1
 */
public final class ClusterCheckCommands {
    private ClusterCheckCommands() {
    }

    /** {@code spark-synthetic}: y = A*·G(z) + noise, N×m float32 .npy. */
    @Command(name = "spark-synthetic", description = "Write synthetic data y = A*·G(z) + noise as an N×m float32 .npy file.")
    public static final class Synthetic implements Runnable {
        @Spec
        CommandSpec spec;

        @Option(names = "--prior", paramLabel = "SPEC", defaultValue = "group-sparsity:n=300,k=10",
                description = "The prior (default: ${DEFAULT-VALUE}).")
        String prior;

        @Option(names = "--m", paramLabel = "M", defaultValue = "784", description = "Data dimension (default: ${DEFAULT-VALUE}).")
        int m;

        @Option(names = "--samples", paramLabel = "N", required = true, description = "Rows to write.")
        int samples;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Root seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", paramLabel = "Y.npy", required = true, description = "The file to write.")
        Path out;

        @Override
        public void run() {
            Checks.parameter(samples >= 1, "--samples is " + samples + ", expected >= 1");
            Checks.parameter(m >= 1, "--m is " + m + ", expected >= 1");
            DMatrixRMaj y = SyntheticSource.builder(PluginRegistry.of(new PluginLoader().load(null)).prior(prior), m, seed)
                    .build().next(samples).y();
            Npy.write(out, y, ElementType.FLOAT32);
            PrintWriter w = spec.commandLine().getOut();
            w.printf("%d×%d float32 samples of %s in %s%n", samples, m, prior, out);
            w.flush();
        }
    }

    /** {@code spark-compare}: agreement of a dictionary and of denoised rows with references. */
    @Command(name = "spark-compare", description = "Compare a dictionary and a spark-denoise output with the results of "
            + "gendict learn and gendict denoise; exit 1 when the dictionaries differ by more than --bound.")
    public static final class Compare implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        SparkOptions sparkOptions;

        @Option(names = "--model", paramLabel = "DIR", required = true, description = "A model folder (e.g. of spark-learn).")
        Path model;

        @Option(names = "--reference", paramLabel = "DIR", required = true, description = "The reference model folder (e.g. of gendict learn).")
        Path reference;

        @Option(names = "--denoised", paramLabel = "DIR", description = "Parquet (index, values) written by spark-denoise.")
        String denoised;

        @Option(names = "--reference-denoised", paramLabel = "Y.npy", description = "The same rows written by gendict denoise.")
        Path referenceDenoised;

        @Option(names = "--bound", paramLabel = "D", defaultValue = "Infinity",
                description = "Largest relative Frobenius distance of the dictionaries accepted (default: any).")
        double bound;

        @Override
        public void run() {
            Checks.parameter((denoised == null) == (referenceDenoised == null),
                    "--denoised and --reference-denoised go together");
            Checks.parameter(bound >= 0, "--bound is " + bound + ", expected >= 0");
            Agreement dictionary = Agreement.of(Npy.readMatrix(model.resolve("dictionary.npy")),
                    Npy.readMatrix(reference.resolve("dictionary.npy")), "--model " + model);
            PrintWriter w = spec.commandLine().getOut();
            w.println("dictionary: " + dictionary.describe() + " (against " + reference + ")");
            if (denoised != null) {
                DMatrixRMaj expected = Npy.readMatrix(referenceDenoised);
                try {
                    w.println("denoised:   " + Agreement.of(readValues(expected.numCols), expected, "--denoised " + denoised)
                            .describe() + " (" + expected.numRows + " rows, against " + referenceDenoised + ")");
                } finally {
                    sparkOptions.close();
                }
            }
            w.flush();
            if (!(dictionary.relativeDistance() <= bound)) {
                throw new GendictException(ErrorKind.NUMERICAL_FAILURE, "--model " + model + ": relative distance "
                        + dictionary.relativeDistance() + " to the reference exceeds --bound " + bound);
            }
        }

        private DMatrixRMaj readValues(int m) {
            List<Row> rows = SparkJobs.run("reading " + denoised, () -> sparkOptions.session().read().parquet(denoised)
                    .orderBy(SparkCoding.INDEX).select(SparkCoding.VALUES).collectAsList());
            DMatrixRMaj y = new DMatrixRMaj(rows.size(), m);
            for (int i = 0; i < rows.size(); i++) {
                List<Double> values = rows.get(i).getList(0);
                if (values.size() != m) {
                    throw new GendictException(ErrorKind.INVALID_INPUT, "--denoised " + denoised + ": row " + i + " has "
                            + values.size() + " values, expected " + m);
                }
                for (int j = 0; j < m; j++) {
                    y.data[i * m + j] = values.get(j);
                }
            }
            return y;
        }
    }
}
