package io.gendict.spark;

import io.gendict.cli.Main;
import io.gendict.core.data.SyntheticSource;
import io.gendict.core.io.Npy;
import io.gendict.core.plugin.PluginLoader;
import io.gendict.core.plugin.PluginRegistry;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spark commands end to end in {@code local[2]}: a third-party prior from a plugin jar (the
 * example project, compiled here) learned on executors, the model used unchanged by {@code gendict
 * encode}, the distributed coding jobs against the local ones, and bad input as a one-line error.
 */
class SparkCommandsTest extends LocalSparkTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "example-plugin", "src", "main");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int spark(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return SparkMain.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    private int gendict(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void aPluginPriorLearnedOnExecutorsGivesAModelThatGendictUses() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        buildExampleJar(plugins.resolve("shifted-square-prior.jar"));
        var registry = PluginRegistry.of(new PluginLoader().load(plugins));
        DMatrixRMaj y = SyntheticSource.builder(registry.prior("shifted-square:k=2"), 6, 3).sigma(0.05).build().next(60).y();
        Path data = dir.resolve("y.npy");
        Npy.write(data, y);
        Path model = dir.resolve("model");
        assertEquals(0, spark("spark-learn", "--plugins", plugins.toString(), "--data", data.toString(), "--prior",
                "shifted-square:k=2", "--batch-size", "20", "--epochs", "2", "--partitions", "2", "--out", model.toString()),
                err.toString());
        assertTrue(out.toString().contains("120 samples seen"), out.toString());
        assertTrue(Files.readString(model.resolve("prior.json")).contains("shifted-square"));
        assertTrue(Files.readString(model.resolve("model.json")).contains("\"provider\": \"com.example.gendict.ShiftedSquarePriorProvider\""),
                "spark-learn records the plugin the model needs, as learn does");

        Path local = dir.resolve("z.npy");
        assertEquals(0, gendict("encode", "--plugins", plugins.toString(), "--model", model.toString(), "--in", data.toString(),
                "--out", local.toString(), "--threads", "1"), err.toString());
        Path encoded = dir.resolve("z.parquet");
        assertEquals(0, spark("spark-encode", "--plugins", plugins.toString(), "--model", model.toString(), "--in",
                data.toString(), "--partitions", "1", "--out", encoded.toString()), err.toString());
        DMatrixRMaj z = Npy.readMatrix(local);
        List<Row> rows = spark.read().parquet(encoded.toString()).orderBy(SparkCoding.INDEX).collectAsList();
        assertEquals(60, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<Double> values = rows.get(i).getList(1);
            for (int j = 0; j < z.numCols; j++) {
                assertEquals(z.get(i, j), values.get(j), 0.0, "with one partition the codes are gendict encode's");
            }
        }
    }

    @Test
    void denoiseAndCompressRunPerPartition() {
        var registry = PluginRegistry.of(new PluginLoader().load(null));
        DMatrixRMaj y = SyntheticSource.builder(registry.prior("group-sparsity:n=12,k=2"), 8, 4).sigma(0.02).build().next(50).y();
        Path shards = dir.resolve("shards");
        TestData.writeShards(y, shards, 20);
        Path model = dir.resolve("model");
        assertEquals(0, spark("spark-learn", "--data", shards.toString(), "--prior", "group-sparsity:n=12,k=2",
                "--batch-size", "25", "--epochs", "3", "--out", model.toString()), err.toString());

        Path denoised = dir.resolve("denoised");
        assertEquals(0, spark("spark-denoise", "--model", model.toString(), "--in", shards.toString(), "--out",
                denoised.toString()), err.toString());
        List<Row> rows = spark.read().parquet(denoised.toString()).collectAsList();
        assertEquals(50, rows.size());
        assertEquals(8, rows.get(0).getList(1).size());

        Path compressed = dir.resolve("compressed");
        assertEquals(0, spark("spark-compress", "--model", model.toString(), "--in", shards.toString(), "--bits", "8",
                "--out", compressed.toString()), err.toString());
        assertTrue(out.toString().contains("50 samples"), out.toString());
        assertTrue(out.toString().contains("bits per sample"), out.toString());
        assertEquals(3, spark.read().parquet(compressed.toString()).count(), "one container per shard");
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() throws IOException {
        Path parquet = dir.resolve("y.parquet");
        TestData.frame(spark, new DMatrixRMaj(4, 3)).write().parquet(parquet.toString());
        Path model = dir.resolve("m");
        assertEquals(2, spark("spark-learn", "--data", parquet.toString(), "--column", "x", "--prior", "group-sparsity:n=5,k=2",
                "--out", model.toString()));
        assertEquals("gendict: --data " + parquet + ": no column 'x'; columns are [y]", err.toString().strip());
        assertEquals(2, spark("spark-learn", "--data", parquet.toString(), "--prior", "grup-sparsity", "--out", model.toString()));
        assertTrue(err.toString().contains("did you mean 'group-sparsity'"), err.toString());
        assertEquals(2, spark("spark-learn", "--data", parquet.toString(), "--prior", "group-sparsity:n=5,k=2", "--method", "ksvd",
                "--out", model.toString()));
        assertTrue(err.toString().startsWith("gendict: --method: 'ksvd' is a sparse baseline"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }

    @Test
    void spark_learnChecksRowsWhileLayingOutItsFirstEpochAndWritesNoModelForABadRow() {
        DMatrixRMaj y = new DMatrixRMaj(40, 3);
        y.data[31 * 3 + 2] = Double.NaN;
        Path shards = dir.resolve("shards");
        TestData.writeShards(y, shards, 20);
        Path model = dir.resolve("m");
        assertEquals(2, spark("spark-learn", "--data", shards.toString(), "--prior", "group-sparsity:n=5,k=2",
                "--batch-size", "10", "--out", model.toString()));
        assertEquals("gendict: --data " + shards.resolve("b.npy") + ": NaN at row 11, column 2; expected finite values",
                err.toString().strip());
        assertFalse(Files.exists(model), "no model folder");
    }

    @Test
    void executorsAssembleAShippedFolderFromSparkFilesWhenTheyLackTheDriversPath() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("shipped"));
        Files.writeString(folder.resolve("note.txt"), "hello");
        ShippedFolder shipped = ShippedFolder.ship(JavaSparkContext.fromSparkContext(spark.sparkContext()), folder, "--x");
        ShippedFolder elsewhere = new ShippedFolder(dir.resolve("not-here").toString(), shipped.files(), shipped.archive());
        Path copy = elsewhere.resolve();
        assertEquals("hello", Files.readString(copy.resolve("note.txt")));
        assertEquals(folder.toAbsolutePath(), shipped.resolve());
    }

    @Test
    void executorsNeverUseAFolderWhoseFilesHaveTheShippedNamesButOtherContents() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("plugins"));
        Files.writeString(folder.resolve("plugin.jar"), "version 2");
        ShippedFolder shipped = ShippedFolder.ship(JavaSparkContext.fromSparkContext(spark.sparkContext()), folder, "--plugins");
        Files.writeString(folder.resolve("plugin.jar"), "version 1");
        Path used = shipped.resolve();
        assertNotEquals(folder.toAbsolutePath(), used);
        assertEquals("version 2", Files.readString(used.resolve("plugin.jar")));
        Files.writeString(used.resolve("plugin.jar"), "tampered");
        assertEquals("version 2", Files.readString(shipped.resolve().resolve("plugin.jar")));
    }

    private void buildExampleJar(Path jar) throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17",
                "-cp", System.getProperty("java.class.path")));
        try (Stream<Path> sources = Files.walk(EXAMPLE.resolve("java"))) {
            sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(new String[0])), "the example compiles");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(file)) {
            for (Path root : List.of(classes, EXAMPLE.resolve("resources"))) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path p : files.filter(Files::isRegularFile).toList()) {
                        zip.putNextEntry(new JarEntry(root.relativize(p).toString().replace('\\', '/')));
                        zip.write(Files.readAllBytes(p));
                        zip.closeEntry();
                    }
                }
            }
        }
    }
}
