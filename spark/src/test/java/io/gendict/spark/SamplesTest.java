package io.gendict.spark;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.io.Npy;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loading samples from DataFrames, Parquet and .npy shards; every bad input is one line naming it. */
class SamplesTest extends LocalSparkTest {

    @TempDir
    Path dir;

    private static Dataset<Row> frame(StructType schema, Object... values) {
        return spark.createDataFrame(java.util.Arrays.stream(values).map(v -> RowFactory.create(v)).toList(), schema);
    }

    private static final StructType FLOATS = new StructType().add("y", DataTypes.createArrayType(DataTypes.FloatType));

    @Test
    void rowsAreIndexedInOrderWhateverTheNumericType() {
        Samples s = Samples.fromDataset(frame(FLOATS, new float[] {1, 2}, new float[] {3, 4}, new float[] {5, 6}), "y", -1, "t");
        assertEquals(3, s.count());
        assertEquals(2, s.m());
        List<Sample> rows = s.rows().collect();
        for (int i = 0; i < 3; i++) {
            assertEquals(i, rows.get(i).index());
            assertArrayEquals(new double[] {2 * i + 1, 2 * i + 2}, rows.get(i).values());
        }
    }

    @Test
    void shardsAreIndexedInFileOrderAndReadOnExecutors() {
        DMatrixRMaj y = new DMatrixRMaj(7, 3);
        for (int i = 0; i < y.data.length; i++) {
            y.data[i] = i;
        }
        Samples s = Samples.load(spark, TestData.writeShards(y, dir.resolve("shards"), 3).get(0).getParent().toString(), "--data", "y", -1);
        assertEquals(7, s.count());
        for (Sample row : s.rows().collect()) {
            assertEquals(row.index() * 3.0, row.values()[0]);
        }
    }

    @Test
    void parquetFilesAreNumberedInFileNameOrderWhateverTheirSizesAndSplits() throws IOException {
        int[] sizes = {7, 300, 40};
        Path folder = Files.createDirectories(dir.resolve("parts"));
        DMatrixRMaj y = RandomMatrices_DDRM.rectangle(347, 4, new Random(3));
        for (int i = 0; i < y.numRows; i++) {
            y.set(i, 0, i);
        }
        int from = 0;
        for (int f = 0; f < sizes.length; f++) {
            Path written = dir.resolve("written-" + f);
            TestData.frame(spark, CommonOps_DDRM.extract(y, from, from + sizes[f], 0, 4)).write()
                    .option("parquet.block.size", 2048).parquet(written.toString());
            try (Stream<Path> files = Files.list(written)) {
                Path part = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
                Files.move(part, folder.resolve("part-" + (char) ('a' + f) + ".parquet"));
            }
            from += sizes[f];
        }
        String split = spark.conf().get("spark.sql.files.maxPartitionBytes");
        spark.conf().set("spark.sql.files.maxPartitionBytes", "4096");
        try {
            Samples s = Samples.load(spark, folder.toString(), "--data", "y", -1);
            assertEquals(347, s.count());
            assertTrue(s.rows().getNumPartitions() > 3, "the large file is split");
            for (Sample row : s.rows().collect()) {
                assertEquals(row.index(), row.values()[0]);
            }
        } finally {
            spark.conf().set("spark.sql.files.maxPartitionBytes", split);
        }
    }

    @Test
    void aMissingColumnIsNamed() {
        GendictException e = fails(() -> Samples.fromDataset(frame(FLOATS, new float[] {1}), "x", -1, "--data d.parquet"));
        assertEquals("--data d.parquet: no column 'x'; columns are [y]", e.getMessage());
    }

    @Test
    void aColumnThatIsNoArrayOfNumbersIsNamed() {
        StructType strings = new StructType().add("y", DataTypes.StringType);
        GendictException e = fails(() -> Samples.fromDataset(frame(strings, "a"), "y", -1, "--data d"));
        assertEquals("--data d: column 'y' is string, expected an array of numbers (one sample per row)", e.getMessage());
    }

    @Test
    void aRowOfTheWrongLengthIsNamed() {
        GendictException e = fails(() -> Samples.fromDataset(frame(FLOATS, new float[] {1, 2}, new float[] {1, 2},
                new float[] {3}), "y", -1, "--data d"));
        assertEquals("--data d: row 2 has 1 values, expected m = 2", e.getMessage());
        GendictException model = fails(() -> Samples.fromDataset(frame(FLOATS, new float[] {1, 2}), "y", 3, "--in d"));
        assertEquals("--in d: row 0 has 2 values, expected m = 3", model.getMessage());
    }

    @Test
    void aNanIsNamedWithItsRowAndColumn() {
        GendictException e = fails(() -> Samples.fromDataset(frame(FLOATS, new float[] {1, 2}, new float[] {1, Float.NaN}),
                "y", -1, "--data d"));
        assertEquals("--data d: NaN at row 1, column 1; expected finite values", e.getMessage());
        DMatrixRMaj y = new DMatrixRMaj(4, 2);
        y.data[5] = Double.POSITIVE_INFINITY;
        Path file = dir.resolve("bad.npy");
        Npy.write(file, y);
        GendictException shard = fails(() -> Samples.fromNpy(sc, List.of(file), -1, "--data"));
        assertEquals("--data " + file + ": Infinity at row 2, column 1; expected finite values", shard.getMessage());
    }

    @Test
    void shardsOfDifferentWidthsAreNamed() {
        Path a = dir.resolve("a.npy");
        Path b = dir.resolve("b.npy");
        Npy.write(a, new DMatrixRMaj(2, 3));
        Npy.write(b, new DMatrixRMaj(2, 4));
        GendictException e = fails(() -> Samples.fromNpy(sc, List.of(a, b), -1, "--data"));
        assertTrue(e.getMessage().startsWith("--data " + b + ": 4 columns, expected m = 3"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void missingDataIsAnIoError() {
        GendictException e = fails(() -> Samples.load(spark, dir.resolve("none").toString(), "--data", "y", -1));
        assertEquals(ErrorKind.IO, e.kind());
    }

    private static GendictException fails(Executable load) {
        GendictException e = assertThrows(GendictException.class, load);
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e;
    }
}
