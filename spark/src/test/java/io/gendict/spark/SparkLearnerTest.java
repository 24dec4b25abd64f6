package io.gendict.spark;

import io.gendict.cli.Main;
import io.gendict.core.data.SyntheticSource;
import io.gendict.core.io.Npy;
import io.gendict.methods.FastMethod;
import io.gendict.core.model.Model;
import io.gendict.core.plugin.PluginLoader;
import io.gendict.core.plugin.PluginRegistry;
import io.gendict.core.spi.Registry;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The distributed learner against {@code gendict learn} on the same data and seed (Spark in
 * {@code local[2]}, batches spread over 3 partitions). The sums are reduced in another order than the
 * local products, so dictionaries agree up to rounding amplified by the conditioning of the
 * least-squares statistic (ridge 1e-6, condition numbers up to ~1e6): relative Frobenius distance
 * ≤ 1e-8 over whole runs when the decode is an exact least-squares solve (a prior with linear
 * features), and after one decode-and-update round for any prior. Later rounds may part: a non-convex
 * decode's stopping test (a relative decrease of 1e-10) and start choices can flip on rounding-level
 * differences of A and amplify them (fast's four-round first batch on relu-net once gave 4.8e-8).
 */
class SparkLearnerTest extends LocalSparkTest {
    private static final Registry REGISTRY = PluginRegistry.of(new PluginLoader().load(null));
    private static final String LINEAR = "group-sparsity:n=16,k=3";
    private static final String NON_LINEAR = "relu-net:widths=3,16,seed=2";

    @TempDir
    Path dir;

    private DMatrixRMaj data(String prior, int rows) {
        return SyntheticSource.builder(REGISTRY.prior(prior), 10, 5).sigma(0.05).build().next(rows).y();
    }

    @Test
    void fastOnNpyShardsEqualsTheLocalLearnerOverTwoEpochs() {
        DMatrixRMaj y = data(LINEAR, 90);
        Samples shards = Samples.fromNpy(sc, TestData.writeShards(y, dir.resolve("shards"), 40), -1, "--data");
        Model model = SparkLearner.learn(sc, shards, settings(LINEAR, "fast", null, -2), REGISTRY, null);
        DMatrixRMaj local = localLearn(y, LINEAR, "fast", "--epochs", "2", "--update", FastMethod.RULE);
        assertEquals("linear-features", model.info().parameters().get("recipe"), "Spark's batches want a rule");
        assertEquals(180, model.info().samplesSeen());
        assertEquals(8, model.info().curve().size());
        double d = TestData.relativeDistance(model.dictionary(), local);
        assertTrue(d <= 1e-8, "relative Frobenius distance " + d);
    }

    @Test
    void algorithm1EqualsTheLocalLearner() {
        DMatrixRMaj y = data(LINEAR, 90);
        Samples shards = Samples.fromNpy(sc, TestData.writeShards(y, dir.resolve("shards"), 40), -1, "--data");
        Model model = SparkLearner.learn(sc, shards, settings(LINEAR, "algorithm1", null, 5), REGISTRY, null);
        double d = TestData.relativeDistance(model.dictionary(), localLearn(y, LINEAR, "algorithm1", "--batches", "5"));
        assertTrue(d <= 1e-10, "relative Frobenius distance " + d);
    }

    @Test
    void aNonLinearPriorDecodesTheFirstBatchLikeTheLocalLearner() {
        DMatrixRMaj y = data(NON_LINEAR, 60);
        Samples shards = Samples.fromNpy(sc, TestData.writeShards(y, dir.resolve("shards"), 25), -1, "--data");
        Model model = SparkLearner.learn(sc, shards, new SparkLearner.Settings(NON_LINEAR, "altmin", FastMethod.SCREENED,
                FastMethod.RULE, 25, 1, 7, 3), REGISTRY, null);
        double d = TestData.relativeDistance(model.dictionary(), localLearn(y, NON_LINEAR, "altmin", "--batches", "1",
                "--oracle", FastMethod.SCREENED, "--update", FastMethod.RULE));
        assertTrue(d <= 1e-8, "relative Frobenius distance " + d);
    }

    @Test
    void fastOnASmallLatentSpaceRunsItsRuleRecipe() {
        DMatrixRMaj y = data(NON_LINEAR, 30);
        Samples shards = Samples.fromNpy(sc, TestData.writeShards(y, dir.resolve("shards"), 25), -1, "--data");
        Model model = SparkLearner.learn(sc, shards, settings(NON_LINEAR, "fast", null, 1), REGISTRY, null);
        assertEquals("screened-alternating", model.info().parameters().get("recipe"), "k = 3 and batches without a window");
    }

    @Test
    void parquetInputLearnsWhatNpyShardsLearn() {
        DMatrixRMaj y = data(LINEAR, 70);
        Path parquet = dir.resolve("y.parquet");
        TestData.frame(spark, y).write().parquet(parquet.toString());
        Model fromParquet = SparkLearner.learn(sc, Samples.load(spark, parquet.toString(), "--data", "y", -1), settings(LINEAR, "fast", null, 4),
                REGISTRY, null);
        Model fromNpy = SparkLearner.learn(sc, Samples.fromNpy(sc, TestData.writeShards(y, dir.resolve("s"), 70), -1, "--data"),
                settings(LINEAR, "fast", null, 4), REGISTRY, null);
        assertEquals(0.0, TestData.relativeDistance(fromParquet.dictionary(), fromNpy.dictionary()));
    }

    @Test
    void theSameSeedGivesTheSameDictionary() {
        DMatrixRMaj y = data(LINEAR, 50);
        Samples shards = Samples.fromNpy(sc, TestData.writeShards(y, dir.resolve("shards"), 20), -1, "--data");
        Model first = SparkLearner.learn(sc, shards, settings(LINEAR, "fast", null, 3), REGISTRY, null);
        Model again = SparkLearner.learn(sc, shards, settings(LINEAR, "fast", null, 3), REGISTRY, null);
        assertEquals(0.0, TestData.relativeDistance(first.dictionary(), again.dictionary()));
        Model other = SparkLearner.learn(sc, shards, new SparkLearner.Settings(LINEAR, "fast", null, null, 25, 3, 8, 3),
                REGISTRY, null);
        assertTrue(TestData.relativeDistance(first.dictionary(), other.dictionary()) > 1e-3, "another seed, another run");
    }

    private static SparkLearner.Settings settings(String prior, String method, String update, long batches) {
        return new SparkLearner.Settings(prior, method, null, update, 25, batches, 7, 3);
    }

    private DMatrixRMaj localLearn(DMatrixRMaj y, String prior, String method, String... length) {
        Path file = dir.resolve("y-" + method + ".npy");
        Npy.write(file, y);
        Path out = dir.resolve("local-" + method);
        List<String> args = new ArrayList<>(List.of("learn", "--data", file.toString(), "--prior", prior, "--method", method,
                "--batch-size", "25", "--seed", "7", "--out", out.toString()));
        args.addAll(List.of(length));
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(new String[0]));
        assertEquals(0, code, err.toString());
        return Npy.readMatrix(out.resolve("dictionary.npy"));
    }
}
