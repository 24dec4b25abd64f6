package io.gendict.spark;

import io.gendict.cli.Main;
import io.gendict.core.data.SyntheticSource;
import io.gendict.core.io.Npy;
import io.gendict.core.model.Model;
import io.gendict.core.plugin.PluginLoader;
import io.gendict.core.plugin.PluginRegistry;
import io.gendict.core.spi.Registry;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The distributed learner against {@code gendict learn} on the same data and seed. */
class SparkLearnerTest {
    private static SparkSession spark;
    private static JavaSparkContext sc;
    private static final Registry REGISTRY = PluginRegistry.of(new PluginLoader().load(null));

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("local[2]");
        sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void sameDictionaryAsTheLocalLearnerOnNpyShards() {
        String prior = "relu-net:widths=3,16,seed=2";
        DMatrixRMaj y = SyntheticSource.builder(REGISTRY.prior(prior), 10, 5).sigma(0.05).build().next(90).y();
        Path file = dir.resolve("y.npy");
        Npy.write(file, y);
        Path shards = dir.resolve("shards");
        writeShards(y, shards, 40);

        DMatrixRMaj local = localLearn(file, prior, "fast", 25, 2);
        Samples data = Samples.fromNpy(sc, List.of(shards.resolve("a.npy"), shards.resolve("b.npy"), shards.resolve("c.npy")), -1);
        Model model = SparkLearner.learn(sc, data, new SparkLearner.Settings(prior, "fast", null, null, 25, -2, 7, 3),
                REGISTRY, null);
        assertEquals(180, model.info().samplesSeen());
        assertTrue(relativeDistance(model.dictionary(), local) <= 1e-9,
                "relative Frobenius distance " + relativeDistance(model.dictionary(), local));
    }

    private DMatrixRMaj localLearn(Path data, String prior, String method, int batchSize, int epochs) {
        Path out = dir.resolve("local-" + method);
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "learn", "--data", data.toString(),
                "--prior", prior, "--method", method, "--batch-size", Integer.toString(batchSize), "--epochs",
                Integer.toString(epochs), "--seed", "7", "--threads", "1", "--out", out.toString());
        assertEquals(0, code, err.toString());
        return Npy.readMatrix(out.resolve("dictionary.npy"));
    }

    static void writeShards(DMatrixRMaj y, Path folder, int rowsPerShard) {
        try {
            java.nio.file.Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        char name = 'a';
        for (int from = 0; from < y.numRows; from += rowsPerShard) {
            int to = Math.min(y.numRows, from + rowsPerShard);
            Npy.write(folder.resolve(name++ + ".npy"), CommonOps_DDRM.extract(y, from, to, 0, y.numCols));
        }
    }

    static double relativeDistance(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj d = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.subtract(a, b, d);
        return NormOps_DDRM.normF(d) / NormOps_DDRM.normF(b);
    }
}
